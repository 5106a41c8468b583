/**
 * Referrals to the county poverty office. {@code process/}: the contract of
 * {@code PovertyOfficeReferral.bpmn}; {@code web/}: its API.
 */
@ApplicationModule(displayName = "Referral (转介)",
        allowedDependencies = { "cases", "cases :: process", "household", "region", "security", "verification" })
package org.doudi.referral;

import org.springframework.modulith.ApplicationModule;
