package org.doudi.monitoring;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doudi.monitoring}: the numbers a county without a monitoring policy of its own uses ({@code defaults}), and
 * after how long a run that still says RUNNING is taken for dead (its node stopped) so that another may start.
 */
@ConfigurationProperties("doudi.monitoring")
public record MonitoringProperties(@DefaultValue Defaults defaults, @DefaultValue("PT2H") Duration staleRunAfter) {

    public record Defaults(@DefaultValue("1.5") BigDecimal incomeMultiple,
            @DefaultValue("20000") BigDecimal medicalThreshold, @DefaultValue("3") int minRosters,
            @DefaultValue("1.2") BigDecimal watchRefusalMultiple, @DefaultValue("3") int watchRecheckMonths) {
    }
}
