/**
 * Reports: the quarterly progress report of the action plan (兜底脱贫行动实施情况, {@link org.doudi.reports.ProgressReports}),
 * computed by grouped queries over the tables of the features it reports on (read only), kept as generated at the end
 * of June, September and December. {@code web/}: the API and the page's controller.
 */
@ApplicationModule(displayName = "Reports (统计报表)", allowedDependencies = { "region", "security" })
package org.doudi.reports;

import org.springframework.modulith.ApplicationModule;
