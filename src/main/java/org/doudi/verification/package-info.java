/**
 * 信息核对 with its sources ({@link org.doudi.verification.VerificationSource}), the home visit, the
 * income computation and the eligibility tables, objections to a verification result.
 * {@code process/}: the contract of {@code IncomeVerification.bpmn} and its delegates.
 */
@ApplicationModule(displayName = "Verification (信息核对)",
        allowedDependencies = { "cases", "cases :: process", "household", "region", "safeguards", "security" })
package org.doudi.verification;

import org.springframework.modulith.ApplicationModule;
