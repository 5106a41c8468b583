package org.doudi.audit;

/**
 * The append-only, hash-chained audit trail. Entries are kept even when the caller's own transaction
 * rolls back (a refused attempt is recorded as refused).
 */
public interface AuditTrail {

    /**
     * Appends an entry, in a transaction of its own. The entry is chained (given its position and keyed
     * MAC) shortly after, in the background; reading or verifying the trail chains what is pending first.
     * Resident ID numbers and mobile numbers in the free-text fields are masked.
     *
     * @throws org.springframework.dao.DataAccessException when the entry could not be written; the failure
     *             has been logged at ERROR. A caller that can still refuse the act (a filter in front of it)
     *             should refuse it (503); a caller whose act is done carries on.
     * @throws IllegalArgumentException when the event has no action or an outcome other than
     *             {@link AuditEvent#SUCCESS}, {@link AuditEvent#REFUSED} or {@link AuditEvent#FAILED}
     */
    void record(AuditEvent event);
}
