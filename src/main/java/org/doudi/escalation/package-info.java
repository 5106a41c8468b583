/**
 * Time limits from the right event (working days), due dates, escalation to supervisors, the open-task
 * read model and notifications.
 */
@ApplicationModule(displayName = "Escalation (时限与督办)",
        allowedDependencies = { "calendar", "cases", "region", "security" })
package org.doudi.escalation;

import org.springframework.modulith.ApplicationModule;
