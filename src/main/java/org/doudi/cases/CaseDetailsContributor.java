package org.doudi.cases;

import java.util.Map;

/**
 * Lets a feature add what it knows of a case to the case view ({@code GET /api/cases/{caseNumber}})
 * without the case feature depending on it.
 */
public interface CaseDetailsContributor {

    /** Adds entries under names of the feature's choosing; called in a read-only transaction. */
    void contribute(AssistanceCase c, Map<String, Object> details);
}
