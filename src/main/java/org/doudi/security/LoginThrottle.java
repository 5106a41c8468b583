package org.doudi.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.doudi.security.ThrottleState.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed logins per user and per client address, and the temporary locks they cause (rules in
 * {@link ThrottleRules}). The state is in the database, so every application node sees the same locks.
 * Time is the application clock, which follows the engine's ({@code ClockUtil}).
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginThrottleStore store;
    private final ThrottleRules rules;
    private final LoginProperties properties;
    private final Clock clock;

    LoginThrottle(LoginThrottleStore store, LoginProperties properties, Clock clock) {
        this.store = store;
        this.rules = new ThrottleRules(properties);
        this.properties = properties;
        this.clock = clock;
    }

    /** What the throttle knows, right now, of the user and the address of an attempt. */
    record Standing(ThrottleState user, ThrottleState address, Instant at) {

        boolean locked() {
            return user != null && user.lockedAt(at) || address != null && address.lockedAt(at);
        }
    }

    /**
     * @param userId  the user's id as stored, or {@code null} for an unknown user
     * @param address the client address, or {@code null} outside an HTTP request
     */
    Standing standing(String userId, String address) {
        ThrottleState user = null;
        ThrottleState addr = null;
        for (ThrottleState s : store.find(userId, address)) {
            if (s.kind() == Kind.USER) {
                user = s;
            } else {
                addr = s;
            }
        }
        return new Standing(user, addr, clock.instant());
    }

    /** Counts a wrong password for the user (if known) and the address (if any); returns the locks it placed. */
    List<ThrottleState> recordFailure(String userId, String address) {
        Instant now = clock.instant();
        List<ThrottleState> placed = new ArrayList<>();
        if (userId != null) {
            count(Kind.USER, userId, now, placed);
        }
        if (address != null) {
            count(Kind.ADDRESS, address, now, placed);
        }
        return placed;
    }

    private void count(Kind kind, String subject, Instant now, List<ThrottleState> placed) {
        LoginThrottleStore.Change change = store.update(kind, subject, before -> rules.afterFailure(before, kind, subject, now));
        ThrottleState after = change.after();
        boolean wasLocked = change.before() != null && change.before().lockedAt(now);
        if (!wasLocked && after.lockedAt(now)) {
            log.warn("login lock #{} of {} until {} after {} failures", after.lockLevel(), after.key(),
                    after.lockedUntil(), after.failures());
            placed.add(after);
        }
    }

    /** A success resets the user's round and the doubling (the address keeps its count: a guesser may own an account). */
    void recordSuccess(Standing standing) {
        if (standing.user() != null) {
            store.delete(Kind.USER, standing.user().subject());
        }
    }

    boolean clearUser(String userId) {
        return store.delete(Kind.USER, userId);
    }

    boolean clearAddress(String address) {
        return store.delete(Kind.ADDRESS, address);
    }

    List<ThrottleState> locks() {
        return store.lockedAt(clock.instant());
    }

    /** Rows quiet for {@code forget-after} say nothing any more (the rules would ignore them): remove them. */
    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    void forgetQuietRows() {
        int removed = store.deleteQuietSince(clock.instant().minus(properties.forgetAfter()));
        if (removed > 0) {
            log.info("login throttle: {} quiet rows removed", removed);
        }
    }
}
