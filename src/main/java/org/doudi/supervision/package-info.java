/**
 * The supervisors' API, page and workload metrics, read from the open-task read model.
 */
@ApplicationModule(displayName = "Supervision (督办)",
        allowedDependencies = { "calendar", "escalation", "region", "security" })
package org.doudi.supervision;

import org.springframework.modulith.ApplicationModule;
