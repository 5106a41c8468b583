package org.doudi.escalation;

import java.util.Optional;

/**
 * Implemented by a feature whose processes have user tasks that are not a case's (monitoring's field checks): the
 * subject of a business key, so that its tasks get due dates in working days, the open-task row the supervision page
 * lists and the same escalation as a case's tasks. A key that is not the feature's is {@code Optional.empty()}.
 */
public interface WorkSubjects {

    Optional<WorkSubject> find(String businessKey);
}
