package org.doudi.monitoring;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A county's monitoring numbers in force from a month ({@code effectiveFrom} null: the defaults of
 * {@code doudi.monitoring.defaults}, for a county that has set none).
 *
 * @param incomeMultiple a roster's per-capita income under this multiple of the 低保标准 is a warning fact
 * @param medicalThreshold out-of-pocket medical costs (元) in 12 months above which a warning is raised
 * @param minRosters in this many assistance rosters at once
 * @param watchRefusalMultiple a refused applicant assessed under this multiple of the standard is watched
 * @param watchRecheckMonths how often the watch list is checked again
 */
public record MonitoringPolicy(String countyCode, YearMonth effectiveFrom, BigDecimal incomeMultiple,
        BigDecimal medicalThreshold, int minRosters, BigDecimal watchRefusalMultiple, int watchRecheckMonths) {
}
