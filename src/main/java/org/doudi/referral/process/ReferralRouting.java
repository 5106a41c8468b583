package org.doudi.referral.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.cases.CaseRepository;
import org.doudi.region.StaffRole;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@code ${referralRouting.group(execution)}}: the poverty office of the case's county. */
@Component("referralRouting")
@Transactional(readOnly = true)
public class ReferralRouting {

    private final CaseRepository cases;

    ReferralRouting(CaseRepository cases) {
        this.cases = cases;
    }

    public String group(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        return StaffRole.POVERTY_OFFICER.groupFor(cases.require(caseNumber).countyCode());
    }
}
