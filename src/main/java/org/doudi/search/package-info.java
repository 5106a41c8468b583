/**
 * The case search: its read model, the keyed hash of resident IDs, the start-up backfill, its API.
 */
@ApplicationModule(displayName = "Case search (案件检索)",
        allowedDependencies = { "audit", "cases", "household", "region", "security" })
package org.doudi.search;

import org.springframework.modulith.ApplicationModule;
