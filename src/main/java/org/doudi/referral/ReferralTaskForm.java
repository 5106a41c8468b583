package org.doudi.referral;

import java.util.Map;

import org.doudi.cases.TaskFormContext;
import org.doudi.cases.TaskFormContributor;
import org.doudi.referral.process.PovertyOfficeReferralProcess;
import org.springframework.stereotype.Component;

/** On the poverty office's task: why the household was referred ({@code {{referralReason}}}). */
@Component
class ReferralTaskForm implements TaskFormContributor {

    private final ReferralRepository referrals;

    ReferralTaskForm(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    public void contribute(TaskFormContext task, Map<String, Object> variables) {
        boolean referral = PovertyOfficeReferralProcess.KEY.equals(task.processKey());
        variables.put(PovertyOfficeReferralProcess.VAR_REFERRAL_REASON, !referral ? null
                : referrals.findByProcessInstanceId(task.processInstanceId()).map(Referral::reason).orElse(null));
    }
}
