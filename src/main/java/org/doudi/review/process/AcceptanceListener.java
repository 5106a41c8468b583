package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_ACCEPTED;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_MISSING_MATERIALS;

import java.util.List;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.household.HouseholdMember;
import org.doudi.review.Reviews;
import org.doudi.safeguards.AcceptanceSafeguards;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/**
 * On leaving {@code Task_AcceptApplication}: accepted, or not with the full list of what is missing. An
 * acceptance that lacks an adult's 核对授权书 is neither: the one-time notice names whose is missing and the
 * task comes back ({@link AcceptanceSafeguards}).
 */
@Component("acceptanceListener")
class AcceptanceListener extends TaskOutcomeListener {

    private final Reviews reviews;
    private final AcceptanceSafeguards safeguards;

    AcceptanceListener(Reviews reviews, AcceptanceSafeguards safeguards, Actors actors) {
        super(actors);
        this.reviews = reviews;
        this.safeguards = safeguards;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        Boolean accepted = in.requiredBoolean(VAR_ACCEPTED);
        String missing = Boolean.FALSE.equals(accepted) ? in.requiredText(VAR_MISSING_MATERIALS, 2000)
                : in.optionalText(VAR_MISSING_MATERIALS, 2000);
        AcceptanceSafeguards.Submitted authorisations = safeguards.read(caseNumber, in);
        in.validate();
        if (Boolean.TRUE.equals(accepted)) {
            List<HouseholdMember> lacking = safeguards.recordAuthorisations(caseNumber, authorisations, missing, actor);
            if (!lacking.isEmpty()) {
                return; // waits at acceptance: the one-time notice is recorded, the task comes back
            }
        }
        reviews.decideAcceptance(caseNumber, accepted, missing, actor);
        if (Boolean.TRUE.equals(accepted)) {
            safeguards.accepted(caseNumber, actor);
        }
    }
}
