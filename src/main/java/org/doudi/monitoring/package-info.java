/**
 * Monitoring and early warning (监测预警): other departments' rosters (名单) uploaded as batches, streamed and checked
 * row by row ({@link org.doudi.monitoring.Rosters}); comparison runs of the rosters with who is enrolled
 * ({@link org.doudi.monitoring.ComparisonRuns}) under the warning rules a designer edits (MonitoringRules.dmn) and the
 * counties' numbers ({@link org.doudi.monitoring.MonitoringPolicies}); the warnings' triage
 * ({@link org.doudi.monitoring.Warnings}) and the watch list ({@link org.doudi.monitoring.WatchList}). {@code web/}:
 * the API and the pages' controllers.
 */
@ApplicationModule(displayName = "Monitoring (监测预警)",
        allowedDependencies = { "cases", "cases :: process", "escalation", "household", "periodicreview", "referral", "region", "security",
                "verification" })
package org.doudi.monitoring;

import org.springframework.modulith.ApplicationModule;
