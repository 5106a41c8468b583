package org.doudi.security;

/**
 * What happens at login, published as Spring application events (the audit trail listens). Raised for
 * every way in: the webapps' login, HTTP Basic on {@code /engine-rest} and on {@code /api}.
 */
public final class LoginEvents {

    private LoginEvents() {
    }

    /**
     * A password check failed.
     *
     * @param reason {@code BAD_CREDENTIALS}, {@code UNKNOWN_USER} or {@code LOCKED} (refused because of a lock)
     */
    public record Failed(String userId, String clientAddress, String reason) {
    }

    /**
     * Too many failures: the user or the client address is locked until the given moment.
     *
     * @param key           {@code user:<user id>} or {@code address:<client address>}
     * @param clientAddress the address of the attempt that caused the lock, or {@code null} outside a request
     */
    public record Locked(String key, String clientAddress, java.time.Instant until) {
    }

    /**
     * An operator lifted a lock.
     *
     * @param userId the user whose lock was lifted; {@code address:<client address>} for an address's lock
     * @param by     the operator's user id
     */
    public record Unlocked(String userId, String by) {
    }
}
