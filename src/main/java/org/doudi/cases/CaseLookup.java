package org.doudi.cases;

import java.util.Optional;

/**
 * Finding a case by its number once per transaction. A task's creation asks for its case from the due
 * date, the candidate group, the escalation timers, the form preparation and the open-task row, each
 * through the business key; a query by case number bypasses the persistence context, so each asked the
 * database again. Here the first lookup of a transaction remembers the case's id, and the later ones
 * take the case the transaction already holds ({@code EntityManager.find}, no statement). Part of
 * {@link CaseRepository}.
 */
public interface CaseLookup {

    /** The case of this number: from the transaction's own persistence context once it was loaded. */
    Optional<AssistanceCase> findByCaseNumber(String caseNumber);

    /** The case with its household and members, for views and forms; no statement once they are loaded. */
    Optional<AssistanceCase> findWithHouseholdByCaseNumber(String caseNumber);

    /**
     * The case, locked until the end of the transaction (for steps that must not interleave); a
     * transaction that already holds the lock is not made to ask for it again.
     */
    Optional<AssistanceCase> lockByCaseNumber(String caseNumber);
}
