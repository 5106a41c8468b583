/**
 * Households and their members: resident IDs (GB 11643), relations, disability, care levels, work ability
 * and the working age. Uses no module but {@code shared}.
 */
@ApplicationModule(displayName = "Households (家庭)", allowedDependencies = {})
package org.doudi.household;

import org.springframework.modulith.ApplicationModule;
