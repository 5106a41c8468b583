package org.doudi.security;

import java.time.Instant;

/**
 * What the login throttle knows about one user or one client address (a row of {@code login_throttle}).
 *
 * @param failures    {@code USER}: consecutive failures of the current round; {@code ADDRESS}: failures in the window
 * @param lockLevel   locks in a row so far; the next one lasts twice as long
 * @param windowStart first failure of the current round or window
 * @param lastFailure the latest counted failure
 * @param lockedUntil end of the latest lock (in the past once it has expired), or {@code null}
 */
record ThrottleState(Kind kind, String subject, int failures, int lockLevel, Instant windowStart, Instant lastFailure,
        Instant lockedUntil) {

    enum Kind {
        USER, ADDRESS
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The event key of this row: {@code user:<id>} or {@code address:<ip>}. */
    String key() {
        return kind.name().toLowerCase() + ":" + subject;
    }
}
