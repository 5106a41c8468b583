package org.doudi.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import org.doudi.TimeConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an applicant told of an ineligible verification result may object with evidence
 * ({@code doudi.verification-objection.period}, an ISO-8601 period in calendar days, e.g. {@code P7D};
 * local, the national rules set none). Counted like the public notice: the day he is told is not
 * counted, the period ends at midnight (China Standard Time) after its last day.
 */
@ConfigurationProperties("doudi.verification-objection")
public record VerificationObjectionPeriod(@DefaultValue("P7D") Period period) {

    public VerificationObjectionPeriod {
        if (period == null || period.isNegative() || period.isZero() || period.toTotalMonths() != 0) {
            throw new IllegalArgumentException("doudi.verification-objection.period must be a positive number of days "
                    + "(e.g. P7D), got " + period);
        }
    }

    /** When the period of a result told on this day ends. */
    public Instant endsFor(LocalDate toldOn) {
        return toldOn.plusDays(period.getDays() + 1L).atStartOfDay(TimeConfig.LEGAL_ZONE).toInstant();
    }
}
