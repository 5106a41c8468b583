/**
 * Temporary assistance: grants, paperwork, follow-up, the yearly limit. {@code process/}: the contract of
 * {@code TemporaryAssistance.bpmn} and its listeners.
 */
@ApplicationModule(displayName = "Temporary assistance (临时救助)",
        allowedDependencies = { "cases", "cases :: process", "fund", "household", "region", "review", "security" })
package org.doudi.temporary;

import org.springframework.modulith.ApplicationModule;
