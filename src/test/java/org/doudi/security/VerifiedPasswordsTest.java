package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final VerifiedPasswords cache = new VerifiedPasswords(Duration.ofMinutes(5), nanos::get);

    @Test
    void remembersAVerifiedPasswordForFiveMinutes() {
        cache.remember("u1", "Secret-1234", "{BCRYPT}hash-a");
        nanos.addAndGet(Duration.ofMinutes(5).minusMillis(1).toNanos());
        assertThat(cache.holds("u1", "Secret-1234", "{BCRYPT}hash-a")).isTrue();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.holds("u1", "Secret-1234", "{BCRYPT}hash-a")).isFalse();
    }

    @Test
    void anotherPasswordIsNotHeld() {
        cache.remember("u1", "Secret-1234", "{BCRYPT}hash-a");
        assertThat(cache.holds("u1", "Secret-1235", "{BCRYPT}hash-a")).isFalse();
        assertThat(cache.holds("u2", "Secret-1234", "{BCRYPT}hash-a")).isFalse();
    }

    @Test
    void aChangedStoredHashIsNotHeld() {
        cache.remember("u1", "Secret-1234", "{BCRYPT}hash-a");
        assertThat(cache.holds("u1", "Secret-1234", "{BCRYPT}hash-b")).as("new password set on another node").isFalse();
    }

    @Test
    void aForgottenUserIsCheckedAgain() {
        cache.remember("u1", "Secret-1234", "{BCRYPT}hash-a");
        cache.forget("u1");
        assertThat(cache.holds("u1", "Secret-1234", "{BCRYPT}hash-a")).isFalse();
    }

    @Test
    void aZeroTtlRemembersNothing() {
        VerifiedPasswords off = new VerifiedPasswords(Duration.ZERO, nanos::get);
        off.remember("u1", "Secret-1234", "{BCRYPT}hash-a");
        assertThat(off.holds("u1", "Secret-1234", "{BCRYPT}hash-a")).isFalse();
    }

    @Test
    void twoProcessesDoNotShareFingerprints() {
        VerifiedPasswords other = new VerifiedPasswords(Duration.ofMinutes(5), nanos::get);
        cache.remember("u1", "Secret-1234", "{BCRYPT}hash-a");
        assertThat(other.holds("u1", "Secret-1234", "{BCRYPT}hash-a")).isFalse();
    }
}
