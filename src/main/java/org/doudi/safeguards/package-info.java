/**
 * Near relatives of staff (近亲属备案) and their roster, the signed 核对授权书 per member, checked at acceptance.
 */
@ApplicationModule(displayName = "Safeguards (近亲属备案, 核对授权书)",
        allowedDependencies = { "cases", "cases :: process", "household", "region", "security" })
package org.doudi.safeguards;

import org.springframework.modulith.ApplicationModule;
