package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.APPROVE;
import static org.doudi.cases.process.AssistanceApplicationProcess.REJECT;
import static org.doudi.cases.process.AssistanceApplicationProcess.RETURN;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_DECISION;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_DECISION_OPINION;

import java.util.Locale;
import java.util.Set;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.review.Reviews;
import org.doudi.review.Reviews.Verdict;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/**
 * On leaving {@code Task_CountyDecision} (审核确认): approve (the assessment must support it),
 * reject or return to the township, the last two with reasons.
 */
@Component("decisionListener")
class DecisionListener extends TaskOutcomeListener {

    private final Reviews reviews;

    DecisionListener(Reviews reviews, Actors actors) {
        super(actors);
        this.reviews = reviews;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        String decision = in.requiredChoice(VAR_DECISION, Set.of(APPROVE, REJECT, RETURN));
        String opinion = APPROVE.equals(decision) ? in.optionalText(VAR_DECISION_OPINION, 2000)
                : in.requiredText(VAR_DECISION_OPINION, 2000);
        String notNow = reviews.reasonNotDecidable(caseNumber);
        if (notNow != null) {
            in.reject(VAR_DECISION, notNow);
        } else if (APPROVE.equals(decision)) {
            String reason = reviews.reasonNotApprovable(caseNumber);
            if (reason != null) {
                in.reject(VAR_DECISION, reason);
            }
        }
        in.validate();
        reviews.decide(caseNumber, Verdict.valueOf(decision.toUpperCase(Locale.ROOT)), opinion, actor);
    }
}
