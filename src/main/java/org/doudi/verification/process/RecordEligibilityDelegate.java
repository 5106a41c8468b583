package org.doudi.verification.process;

import static org.doudi.verification.process.IncomeVerificationProcess.*;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.household.CareLevel;
import org.doudi.verification.Eligibility;
import org.doudi.verification.IncomeAssessment;
import org.doudi.security.Actors;
import org.doudi.verification.Investigations;
import org.doudi.verification.SupportMode;
import org.springframework.stereotype.Component;

/** {@code Task_RecordEligibility}: keeps what the tables decided, with the amount it would pay. */
@Component("recordEligibility")
class RecordEligibilityDelegate implements JavaDelegate {

    private final Investigations investigations;
    private final Actors actors;

    RecordEligibilityDelegate(Investigations investigations, Actors actors) {
        this.investigations = investigations;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object decided = execution.getVariable(VAR_ELIGIBILITY);
        Eligibility eligibility = Eligibility.parse(decided == null ? null : decided.toString())
                .orElseThrow(() -> new IllegalStateException("the eligibility table gave an unknown outcome: "
                        + decided + " (expected one of " + Arrays.toString(Eligibility.values()) + ")"));
        Object level = execution.getVariable(VAR_CARE_LEVEL);
        CareLevel careLevel = level == null ? null : CareLevel.valueOf(level.toString());
        Object mode = execution.getVariable(VAR_SUPPORT_MODE);
        SupportMode supportMode = mode == null ? null : SupportMode.valueOf(mode.toString());
        IncomeAssessment a = investigations.recordAssessment(execution.getProcessBusinessKey(), eligibility,
                careLevel, supportMode, actors.currentUserId());
        execution.setVariable(VAR_ELIGIBLE, eligibility.isEligible());
        execution.setVariable(VAR_PROPOSED_AMOUNT, a.proposedAmount().doubleValue());
    }
}
