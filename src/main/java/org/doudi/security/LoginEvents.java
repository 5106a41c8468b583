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

    /** Too many failures: the user or the client address is locked until the given moment. */
    public record Locked(String key, String clientAddress, java.time.Instant until) {
    }

    /** An operator lifted a lock. */
    public record Unlocked(String userId, String by) {
    }
}
