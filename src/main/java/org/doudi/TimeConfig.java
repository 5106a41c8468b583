package org.doudi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. It follows the engine clock ({@link ClockUtil}), so that a test
 * that moves the engine's time moves the dates of legal meaning with it, and timers and domain
 * records never disagree.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfig {

    /** Dates of legal meaning (decision day, benefit month, notice period) are in China Standard Time. */
    public static final ZoneId LEGAL_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return new EngineClock();
    }

    /** A {@link Clock} reading the engine's (test-adjustable) current time. */
    static final class EngineClock extends Clock {
        @Override
        public ZoneId getZone() {
            return LEGAL_ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }

    /** Today's date in the legal zone. */
    public static LocalDate today(Clock clock) {
        return ZonedDateTime.ofInstant(clock.instant(), LEGAL_ZONE).toLocalDate();
    }
}
