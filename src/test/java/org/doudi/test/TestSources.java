package org.doudi.test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.doudi.household.HouseholdMember;
import org.doudi.verification.VerificationSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A second data-verification source that a test can make fail, as a real remote register would. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSources {

    @Bean
    FlakySource flakySource() {
        return new FlakySource();
    }

    /** Answers "nothing found" unless told to fail the next n calls. */
    public static class FlakySource implements VerificationSource {

        private final AtomicInteger failures = new AtomicInteger();

        public void failNext(int calls) {
            failures.set(calls);
        }

        @Override
        public String name() {
            return "flaky-test-register";
        }

        @Override
        public List<Finding> check(List<HouseholdMember> members) {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("register unavailable (test)");
            }
            return List.of();
        }
    }
}
