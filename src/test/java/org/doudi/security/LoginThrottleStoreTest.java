package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The throttle's rows under concurrent failures, on the real database (H2, or MySQL with {@code -Pmysql}):
 * without bcrypt in between, so that the races are as tight as they get.
 */
@IntegrationTest
class LoginThrottleStoreTest {

    @Autowired
    LoginThrottleStore store;
    @Autowired
    Clock clock;

    private final List<String> addresses = new ArrayList<>();

    @AfterEach
    void clear() {
        addresses.forEach(a -> store.delete(ThrottleState.Kind.ADDRESS, a));
    }

    /** The clock, each reading up to 100 ms off: as threads (or nodes) that read it a moment apart. */
    static Clock jittered(Clock clock) {
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return clock.getZone();
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return clock.instant().minusMillis(java.util.concurrent.ThreadLocalRandom.current().nextInt(100));
            }
        };
    }

    @Test
    void fiftyFailuresAtOnceCountAsFiftyAndNeverDeadlock() throws Exception {
        LoginProperties high = new LoginProperties(5, 1_000, Duration.ofMinutes(15), Duration.ofMinutes(15),
                Duration.ofHours(24), Duration.ofHours(24), 4, Duration.ZERO, 4);
        // Each failure's moment is taken before its row is locked: they reach the row out of order.
        LoginThrottle throttle = new LoginThrottle(store, high, jittered(clock));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            for (int round = 0; round < 3; round++) {
                String address = "203.0.113." + (10 + round);
                store.delete(ThrottleState.Kind.ADDRESS, address);
                addresses.add(address);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return throttle.recordFailure(null, address);
                    }));
                }
                start.countDown();
                for (Future<?> call : calls) {
                    call.get();
                }
                assertThat(store.find(null, address)).as("round %d", round).singleElement()
                        .extracting(ThrottleState::failures).isEqualTo(50);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
