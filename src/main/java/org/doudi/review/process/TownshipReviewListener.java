package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.APPROVE;
import static org.doudi.cases.process.AssistanceApplicationProcess.REJECT;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_TOWNSHIP_DECISION;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_TOWNSHIP_OPINION;

import java.util.Map;
import java.util.Set;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.escalation.Escalations;
import org.doudi.review.AppraisalInput;
import org.doudi.review.Appraisals;
import org.doudi.review.DemocraticAppraisal.RecordedWith;
import org.doudi.review.Reviews;
import org.doudi.review.Reviews.Verdict;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/**
 * On leaving {@code Task_TownshipReview} (初审): in favour, which the assessment must support, or
 * against, with the reasons.
 */
@Component("townshipReviewListener")
class TownshipReviewListener extends TaskOutcomeListener {

    /** Optional: also refer the household to the poverty office (转介). */
    static final String VAR_REFER_TO_POVERTY_OFFICE = "referToPovertyOffice";

    /**
     * Optional: a special circumstance (特殊情况) that gives the whole procedure its longer limit (45
     * working days for 低保), with its reason ({@value #VAR_SPECIAL_CIRCUMSTANCE_REASON}, required with it).
     */
    static final String VAR_SPECIAL_CIRCUMSTANCE = "specialCircumstance";
    static final String VAR_SPECIAL_CIRCUMSTANCE_REASON = "specialCircumstanceReason";
    static final Map<String, String> SPECIAL_CIRCUMSTANCES = Map.of(
            "residence-elsewhere", "户籍与居住地不一致",
            "hard-investigation", "调查核实困难",
            "other", "其他特殊情况");

    private final Reviews reviews;
    private final Appraisals appraisals;
    private final Escalations escalations;

    TownshipReviewListener(Reviews reviews, Appraisals appraisals, Escalations escalations, Actors actors) {
        super(actors);
        this.reviews = reviews;
        this.appraisals = appraisals;
        this.escalations = escalations;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        String decision = in.requiredChoice(VAR_TOWNSHIP_DECISION, Set.of(APPROVE, REJECT));
        String opinion = REJECT.equals(decision) ? in.requiredText(VAR_TOWNSHIP_OPINION, 2000)
                : in.optionalText(VAR_TOWNSHIP_OPINION, 2000);
        if (APPROVE.equals(decision)) {
            String reason = reviews.reasonNotApprovable(caseNumber);
            if (reason != null) {
                in.reject(VAR_TOWNSHIP_DECISION, reason);
            }
        }
        boolean refer = in.optionalBoolean(VAR_REFER_TO_POVERTY_OFFICE, false);
        AppraisalInput appraisal = AppraisalFields.read(appraisals, caseNumber, in);
        if (APPROVE.equals(decision)) {
            String noAppraisal = appraisals.reasonApprovalNeedsAppraisal(caseNumber, appraisal != null);
            if (noAppraisal != null) {
                in.reject(VAR_TOWNSHIP_DECISION, noAppraisal);
            }
        }
        String special = in.optionalText(VAR_SPECIAL_CIRCUMSTANCE, 40) == null ? null
                : in.requiredChoice(VAR_SPECIAL_CIRCUMSTANCE, SPECIAL_CIRCUMSTANCES.keySet());
        String specialReason = special == null ? in.optionalText(VAR_SPECIAL_CIRCUMSTANCE_REASON, 200)
                : in.requiredText(VAR_SPECIAL_CIRCUMSTANCE_REASON, 200);
        in.validate();
        if (appraisal != null) {
            appraisals.record(caseNumber, appraisal, RecordedWith.TOWNSHIP_REVIEW, actor);
        }
        Verdict verdict = APPROVE.equals(decision) ? Verdict.APPROVE : Verdict.REJECT;
        reviews.townshipReview(caseNumber, verdict, opinion, refer, actor);
        if (special != null) {
            escalations.extendProcedure(caseNumber, SPECIAL_CIRCUMSTANCES.get(special) + "：" + specialReason, actor);
        }
    }
}
