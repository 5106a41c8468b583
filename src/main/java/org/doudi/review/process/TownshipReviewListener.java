package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.APPROVE;
import static org.doudi.cases.process.AssistanceApplicationProcess.REJECT;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_TOWNSHIP_DECISION;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_TOWNSHIP_OPINION;

import java.util.Set;

import org.doudi.cases.process.TaskOutcomeListener;
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

    private final Reviews reviews;
    private final Appraisals appraisals;

    TownshipReviewListener(Reviews reviews, Appraisals appraisals, Actors actors) {
        super(actors);
        this.reviews = reviews;
        this.appraisals = appraisals;
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
        in.validate();
        if (appraisal != null) {
            appraisals.record(caseNumber, appraisal, RecordedWith.TOWNSHIP_REVIEW, actor);
        }
        Verdict verdict = APPROVE.equals(decision) ? Verdict.APPROVE : Verdict.REJECT;
        reviews.townshipReview(caseNumber, verdict, opinion, refer, actor);
    }
}
