package org.doudi.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.referral.Referrals;
import org.doudi.region.StaffRole;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@code ${referralRouting.group(execution)}}: the poverty office of the county of the case (or referred person). */
@Component("referralRouting")
@Transactional(readOnly = true)
public class ReferralRouting {

    private final Referrals referrals;

    ReferralRouting(Referrals referrals) {
        this.referrals = referrals;
    }

    public String group(DelegateExecution execution) {
        return StaffRole.POVERTY_OFFICER.groupFor(referrals.countyOf(execution.getProcessBusinessKey()));
    }
}
