/**
 * The audit trail nobody can rewrite: chained, keyed entries of API calls and logins, and their API.
 */
@ApplicationModule(displayName = "Audit trail (审计日志)", allowedDependencies = { "region", "security" })
package org.doudi.audit;

import org.springframework.modulith.ApplicationModule;
