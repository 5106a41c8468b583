package org.doudi.escalation;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The {@link WorkSubjects} of every feature, asked in turn. */
@Component
class Subjects {

    private final ObjectProvider<WorkSubjects> providers;

    Subjects(ObjectProvider<WorkSubjects> providers) {
        this.providers = providers;
    }

    Optional<WorkSubject> of(String businessKey) {
        if (businessKey == null) {
            return Optional.empty();
        }
        return providers.orderedStream().map(p -> p.find(businessKey)).flatMap(Optional::stream).findFirst();
    }
}
