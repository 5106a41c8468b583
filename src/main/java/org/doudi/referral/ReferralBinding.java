package org.doudi.referral;

import java.util.Set;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.InstanceBinding;
import org.doudi.cases.StepRefusedException;
import org.doudi.referral.process.PovertyOfficeReferralProcess;
import org.springframework.stereotype.Component;

/**
 * A PovertyOfficeReferral instance belongs to one referral: it starts only for a case with an open
 * referral that has no instance yet ({@link Referrals#refer} makes both), or for a person referred without a case
 * (business key: his subject's number) whose open referral has none, and is bound to it there.
 */
@Component
class ReferralBinding implements InstanceBinding {

    private final CaseRepository cases;
    private final ReferralRepository referrals;

    ReferralBinding(CaseRepository cases, ReferralRepository referrals) {
        this.cases = cases;
        this.referrals = referrals;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(PovertyOfficeReferralProcess.KEY);
    }

    @Override
    public void bind(String processKey, String businessKey, String processInstanceId) {
        AssistanceCase c = businessKey == null ? null : cases.lockByCaseNumber(businessKey).orElse(null);
        Referral person = c != null || businessKey == null ? null
                : referrals.findFirstBySubjectNumberAndStatus(businessKey, Referral.Status.OPEN).orElse(null);
        if (c == null && person == null) {
            throw new StepRefusedException(null, "转介流程须以已转介案件（或已转介人员）的编号为业务键启动",
                    "a referral process starts only for a referred case or person");
        }
        String n = c == null ? businessKey : c.caseNumber();
        Referral open = person != null ? person : referrals.findFirstByCaseIdAndStatus(c.id(), Referral.Status.OPEN)
                .orElseThrow(() -> new StepRefusedException(n, "案件 " + n + " 没有待办的转介，不能启动转介流程",
                        "case " + n + " has no open referral"));
        if (open.processInstanceId() != null) {
            throw new StepRefusedException(n, "案件 " + n + " 的转介已有办理流程（实例 " + open.processInstanceId()
                    + "）", "the open referral of case " + n + " already has its instance " + open.processInstanceId());
        }
        open.linkProcess(processInstanceId);
    }

    @Override
    public boolean isBound(String processKey, String businessKey, String processInstanceId) {
        return businessKey != null && referrals.existsBound(businessKey, processInstanceId);
    }
}
