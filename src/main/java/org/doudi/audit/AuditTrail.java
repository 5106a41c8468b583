package org.doudi.audit;

/**
 * The append-only, hash-chained audit trail. Entries are kept even when the caller's own transaction
 * rolls back (a refused attempt is recorded as refused).
 */
public interface AuditTrail {

    /** Appends an entry, in a transaction of its own. */
    void record(AuditEvent event);
}
