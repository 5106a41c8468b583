/**
 * Demo data (regions, policies, users, authorizations, filters; only with {@code DOUDI_DEMO=true}) and the
 * demo clock. Nothing depends on it.
 */
@ApplicationModule(displayName = "Demo (演示)", allowedDependencies = { "fund", "region", "security", "verification" })
package org.doudi.demo;

import org.springframework.modulith.ApplicationModule;
