/**
 * Monitoring and early warning (监测预警): other departments' rosters (名单) uploaded as batches, streamed and checked
 * row by row ({@link org.doudi.monitoring.Rosters}), for the comparisons with who is enrolled. {@code web/}: the API
 * and the upload page's controller.
 */
@ApplicationModule(displayName = "Monitoring (监测预警)",
        allowedDependencies = { "household", "region", "security", "verification" })
package org.doudi.monitoring;

import org.springframework.modulith.ApplicationModule;
