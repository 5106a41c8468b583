package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.doudi.security.ThrottleState.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The throttle's rules with the production defaults: 5 per user, 20 per address in 15 minutes, 15 min doubling to 24 h. */
class ThrottleRulesTest {

    private final ThrottleRules rules = new ThrottleRules(LoginProperties.defaults());
    private final Instant t0 = Instant.parse("2026-03-02T01:00:00Z");

    ThrottleState fail(ThrottleState s, Kind kind, Instant at, int times) {
        for (int i = 0; i < times; i++) {
            s = rules.afterFailure(s, kind, "x", at);
        }
        return s;
    }

    @ParameterizedTest(name = "lock #{0} lasts {1}")
    @CsvSource({"1, PT15M", "2, PT30M", "3, PT1H", "4, PT2H", "5, PT4H", "6, PT8H", "7, PT16H", "8, PT24H", "9, PT24H",
            "40, PT24H", "2147483647, PT24H"})
    void eachLockInARowLastsTwiceAsLongUpToADay(int level, Duration expected) {
        assertThat(rules.lockDuration(level)).isEqualTo(expected);
    }

    @Test
    void aUserIsLockedAtTheFifthConsecutiveFailure() {
        ThrottleState four = fail(null, Kind.USER, t0, 4);
        assertThat(four.lockedAt(t0)).isFalse();
        assertThat(four.failures()).isEqualTo(4);

        ThrottleState five = rules.afterFailure(four, Kind.USER, "x", t0);
        assertThat(five.lockedUntil()).isEqualTo(t0.plus(Duration.ofMinutes(15)));
        assertThat(five.lockLevel()).isEqualTo(1);
    }

    @Test
    void attemptsDuringALockNeitherCountNorExtendIt() {
        ThrottleState locked = fail(null, Kind.USER, t0, 5);
        ThrottleState hammered = fail(locked, Kind.USER, t0.plus(Duration.ofMinutes(14)), 100);
        assertThat(hammered).isEqualTo(locked);
        assertThat(hammered.lockedAt(t0.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void afterALockFiveMoreFailuresLockTwiceAsLong() {
        ThrottleState first = fail(null, Kind.USER, t0, 5);
        Instant later = first.lockedUntil();
        ThrottleState four = fail(first, Kind.USER, later, 4);
        assertThat(four.lockedAt(later)).as("a new round of five").isFalse();
        assertThat(four.failures()).isEqualTo(4);

        ThrottleState second = rules.afterFailure(four, Kind.USER, "x", later);
        assertThat(second.lockLevel()).isEqualTo(2);
        assertThat(second.lockedUntil()).isEqualTo(later.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aQuietDayAfterTheLastLockStartsAgainAtFifteenMinutes() {
        ThrottleState s = null;
        Instant at = t0;
        for (int lock = 0; lock < 8; lock++) {
            s = fail(s, Kind.USER, at, 5);
            at = s.lockedUntil();
        }
        assertThat(s.lockLevel()).isEqualTo(8);
        assertThat(Duration.between(s.lastFailure(), s.lockedUntil())).isEqualTo(Duration.ofHours(24));

        ThrottleState soon = fail(s, Kind.USER, s.lockedUntil().plus(Duration.ofHours(23)), 5);
        assertThat(soon.lockLevel()).as("within a day of the lock's end").isEqualTo(9);

        ThrottleState dayLater = fail(s, Kind.USER, s.lockedUntil().plus(Duration.ofHours(24)), 5);
        assertThat(dayLater.lockLevel()).isEqualTo(1);
        assertThat(Duration.between(dayLater.lastFailure(), dayLater.lockedUntil())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAddressIsLockedAtTwentyFailuresWithinFifteenMinutes() {
        ThrottleState nineteen = fail(null, Kind.ADDRESS, t0, 19);
        assertThat(nineteen.lockedAt(t0)).isFalse();
        ThrottleState twenty = rules.afterFailure(nineteen, Kind.ADDRESS, "x", t0.plus(Duration.ofMinutes(14)));
        assertThat(twenty.lockedUntil()).isEqualTo(t0.plus(Duration.ofMinutes(29)));
    }

    @Test
    void anAddressWindowThatHasPassedStartsAgain() {
        ThrottleState nineteen = fail(null, Kind.ADDRESS, t0, 19);
        ThrottleState next = rules.afterFailure(nineteen, Kind.ADDRESS, "x", t0.plus(Duration.ofMinutes(15)));
        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.windowStart()).isEqualTo(t0.plus(Duration.ofMinutes(15)));
        assertThat(next.lockedUntil()).isNull();
    }

    @Test
    void aUsersFailuresAreConsecutiveNotWindowed() {
        ThrottleState four = fail(null, Kind.USER, t0, 4);
        ThrottleState fifth = rules.afterFailure(four, Kind.USER, "x", t0.plus(Duration.ofHours(3)));
        assertThat(fifth.lockedAt(t0.plus(Duration.ofHours(3)))).isTrue();
    }

    @Test
    void aClockSetBackDoesNotFreezeAWindowInTheFuture() {
        ThrottleState future = fail(null, Kind.ADDRESS, t0.plus(Duration.ofHours(5)), 10);
        ThrottleState now = rules.afterFailure(future, Kind.ADDRESS, "x", t0);
        assertThat(now.failures()).isEqualTo(1);
        assertThat(now.windowStart()).isEqualTo(t0);
    }

    @Test
    void failuresArrivingSlightlyOutOfOrderAllCount() {
        ThrottleState first = rules.afterFailure(null, Kind.ADDRESS, "x", t0.plusMillis(40));
        ThrottleState second = rules.afterFailure(first, Kind.ADDRESS, "x", t0);
        assertThat(second.failures()).isEqualTo(2);
        assertThat(second.windowStart()).isEqualTo(t0.plusMillis(40));
        assertThat(second.lastFailure()).isEqualTo(t0.plusMillis(40));

        ThrottleState user = rules.afterFailure(rules.afterFailure(null, Kind.USER, "x", t0.plusMillis(40)), Kind.USER,
                "x", t0);
        assertThat(user.failures()).isEqualTo(2);
    }

    @Test
    void rowsQuietForADayAreForgotten() {
        ThrottleState locked = fail(null, Kind.USER, t0, 5);
        assertThat(rules.forgotten(locked, t0.plus(Duration.ofMinutes(10)))).isFalse();
        assertThat(rules.forgotten(locked, locked.lockedUntil().plus(Duration.ofHours(23)))).isFalse();
        assertThat(rules.forgotten(locked, locked.lockedUntil().plus(Duration.ofHours(24)))).isTrue();
    }
}
