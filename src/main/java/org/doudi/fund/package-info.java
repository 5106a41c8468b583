/**
 * The townships' reserve funds and their ledger; {@code web/}: allocations and the ledger's API.
 */
@ApplicationModule(displayName = "Reserve funds (备用金)", allowedDependencies = { "cases", "region", "security" })
package org.doudi.fund;

import org.springframework.modulith.ApplicationModule;
