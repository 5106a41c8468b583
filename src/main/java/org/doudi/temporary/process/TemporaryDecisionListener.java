package org.doudi.temporary.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.APPROVE;
import static org.doudi.cases.process.AssistanceApplicationProcess.REJECT;
import static org.doudi.cases.process.AssistanceApplicationProcess.RETURN;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_DECISION;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_DECISION_OPINION;
import static org.doudi.temporary.process.TemporaryAssistanceProcess.VAR_APPROVED_AMOUNT;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.cases.IntakeRefusedException;
import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.review.Reviews;
import org.doudi.review.Reviews.Verdict;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.doudi.temporary.TemporaryGrants;
import org.springframework.stereotype.Component;

/**
 * On leaving {@code Task_CountyDecision} of temporary assistance: approve with the amount, which is
 * recorded with the decision and paid from it by {@code Task_GrantFromCounty} right after; reject or
 * return, the last two with reasons.
 */
@Component("temporaryDecisionListener")
class TemporaryDecisionListener extends TaskOutcomeListener {

    private final Reviews reviews;
    private final TemporaryGrants grants;

    TemporaryDecisionListener(Reviews reviews, TemporaryGrants grants, Actors actors) {
        super(actors);
        this.reviews = reviews;
        this.grants = grants;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        String decision = in.requiredChoice(VAR_DECISION, Set.of(APPROVE, REJECT, RETURN));
        String opinion = APPROVE.equals(decision) ? in.optionalText(VAR_DECISION_OPINION, 2000)
                : in.requiredText(VAR_DECISION_OPINION, 2000);
        BigDecimal amount = null;
        String notNow = reviews.reasonNotDecidable(caseNumber);
        if (notNow != null) {
            in.reject(VAR_DECISION, notNow);
        } else if (APPROVE.equals(decision)) {
            amount = in.requiredAmount(VAR_APPROVED_AMOUNT);
            if (amount != null && amount.signum() == 0) {
                in.reject(VAR_APPROVED_AMOUNT, "批准时必须大于 0");
            }
            String reason = reviews.reasonNotApprovable(caseNumber);
            if (reason != null) {
                in.reject(VAR_DECISION, reason);
            }
        }
        in.validate();
        if (amount != null) {
            try {
                grants.checkYearlyLimit(caseNumber);
            } catch (IntakeRefusedException e) {
                throw new FormFieldValidationException(VAR_DECISION, e.getMessage());
            }
        }
        reviews.decide(caseNumber, Verdict.valueOf(decision.toUpperCase(Locale.ROOT)), opinion, amount, actor);
    }
}
