package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_ACCEPTED;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_MISSING_MATERIALS;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.review.Reviews;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/** On leaving {@code Task_AcceptApplication}: accepted, or not with the full list of what is missing. */
@Component("acceptanceListener")
class AcceptanceListener extends TaskOutcomeListener {

    private final Reviews reviews;

    AcceptanceListener(Reviews reviews, Actors actors) {
        super(actors);
        this.reviews = reviews;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        Boolean accepted = in.requiredBoolean(VAR_ACCEPTED);
        String missing = Boolean.FALSE.equals(accepted) ? in.requiredText(VAR_MISSING_MATERIALS, 2000)
                : in.optionalText(VAR_MISSING_MATERIALS, 2000);
        in.validate();
        reviews.decideAcceptance(caseNumber, accepted, missing, actor);
    }
}
