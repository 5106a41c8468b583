package org.doudi.referral.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_APPLICANT_NAME;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_CASE_SUMMARY;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_VILLAGE;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_VILLAGE_NAME;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.referral.Referral;
import org.doudi.referral.Referrals;
import org.doudi.region.RegionService;
import org.doudi.shared.PersonalData;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PovertyOfficeHandling} created for a person referred without a case (from a field check): what its
 * form shows in place of the case's summary (who, the resident ID masked, where, from which check) and why he was
 * referred, set on the task as a case's task gets them from the case. A case's referral is left to the case's
 * form contributors.
 */
@Component("referralTask")
class PersonReferralTask implements TaskListener {

    private final Referrals referrals;
    private final RegionService regions;

    PersonReferralTask(Referrals referrals, RegionService regions) {
        this.referrals = referrals;
        this.regions = regions;
    }

    @Override
    public void notify(DelegateTask task) {
        Referral r = referrals.ofInstance(task.getProcessInstanceId()).orElse(null);
        if (r == null || r.caseId() != null) {
            return;
        }
        String village = regions.names(List.of(r.villageCode())).getOrDefault(r.villageCode(), r.villageCode());
        task.setVariableLocal(VAR_APPLICANT_NAME, r.personName());
        task.setVariableLocal(VAR_VILLAGE, r.villageCode());
        task.setVariableLocal(VAR_VILLAGE_NAME, village);
        task.setVariableLocal(VAR_CASE_SUMMARY, String.join("  \n",
                "转介来源：摸排核查 " + r.subjectNumber() + "（无救助案件）",
                "被转介人：" + r.personName() + "（" + PersonalData.maskIdNumber(r.idNumber()) + "）",
                "所在村（居）：" + village + "（" + r.villageCode() + "）"));
        // Typed by staff: an ID or a phone number in it is masked, as in the logs.
        task.setVariableLocal(PovertyOfficeReferralProcess.VAR_REFERRAL_REASON, PersonalData.maskAll(r.reason()));
    }
}
