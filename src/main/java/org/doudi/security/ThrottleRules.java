package org.doudi.security;

import java.time.Duration;
import java.time.Instant;

import org.doudi.security.ThrottleState.Kind;

/**
 * How a failed login changes what the throttle knows: counting, locking, doubling, forgetting. No database,
 * no clock of its own, so that every rule is tested with plain values.
 * <ul>
 * <li>While a lock lasts, nothing changes: attempts are refused without counting, and a lock is never
 * extended by them. Otherwise anyone who knows a user id could keep him locked out with one request a
 * minute; now he must wait for the lock to expire, and then each further lock in a row only doubles up to
 * {@code maxLock}.</li>
 * <li>A user is locked after {@code userMaxFailures} consecutive failures; after the lock has expired a new
 * round begins (only a success, or an operator, resets the doubling).</li>
 * <li>An address is locked after {@code addressMaxFailures} failures within {@code addressWindow}, over any
 * users (a guesser spraying one password over many accounts).</li>
 * <li>A user or address quiet for {@code forgetAfter} after its last failure or lock starts again at
 * {@code firstLock}: no lock ever becomes permanent, and a long-ago lock does not make today's longer.</li>
 * </ul>
 */
final class ThrottleRules {

    private final LoginProperties properties;

    ThrottleRules(LoginProperties properties) {
        this.properties = properties;
    }

    ThrottleState afterFailure(ThrottleState before, Kind kind, String subject, Instant now) {
        if (before != null && before.lockedAt(now)) {
            return before;
        }
        int failures = 0;
        int level = 0;
        Instant windowStart = null;
        if (before != null) {
            failures = before.failures();
            level = before.lockLevel();
            windowStart = before.windowStart();
            if (!now.isBefore(quietSince(before).plus(properties.forgetAfter()))) {
                level = 0;
                failures = 0;
                windowStart = null;
            }
            if (before.lockedUntil() != null) {
                failures = 0;
                windowStart = null;
            }
        }
        if (windowStart != null && (windowStart.isAfter(now.plus(properties.addressWindow()))
                || kind == Kind.ADDRESS && !now.isBefore(windowStart.plus(properties.addressWindow())))) {
            // Far in the future means a clock set back (tests, a corrected server clock): start again rather
            // than count towards a window that would not end for hours. A little in the future is normal: the
            // moment of a failure is taken before its row is locked, so concurrent failures (or nodes whose
            // clocks differ slightly) arrive slightly out of order, and every one of them must count.
            failures = 0;
            windowStart = null;
        }
        if (windowStart == null) {
            windowStart = now;
        }
        failures++;
        Instant lockedUntil = null;
        if (failures >= maxFailures(kind)) {
            level++;
            lockedUntil = now.plus(lockDuration(level));
        }
        Instant lastFailure = before != null && before.lastFailure() != null && before.lastFailure().isAfter(now)
                ? before.lastFailure() : now;
        return new ThrottleState(kind, subject, failures, level, windowStart, lastFailure, lockedUntil);
    }

    /** The length of the {@code level}-th lock in a row: {@code firstLock}, doubled each time, at most {@code maxLock}. */
    Duration lockDuration(int level) {
        Duration d = properties.firstLock();
        for (int i = 1; i < level && d.compareTo(properties.maxLock()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(properties.maxLock()) > 0 ? properties.maxLock() : d;
    }

    /** Whether the row has nothing left to say at {@code now} (no lock, and quiet long enough to be forgotten). */
    boolean forgotten(ThrottleState state, Instant now) {
        return !state.lockedAt(now) && !now.isBefore(quietSince(state).plus(properties.forgetAfter()));
    }

    private int maxFailures(Kind kind) {
        return kind == Kind.USER ? properties.userMaxFailures() : properties.addressMaxFailures();
    }

    private static Instant quietSince(ThrottleState s) {
        Instant last = s.lastFailure() == null ? Instant.EPOCH : s.lastFailure();
        return s.lockedUntil() != null && s.lockedUntil().isAfter(last) ? s.lockedUntil() : last;
    }
}
