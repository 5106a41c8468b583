package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.SPOT_CHECK_CONFIRMED;
import static org.doudi.cases.process.AssistanceApplicationProcess.SPOT_CHECK_IRREGULAR;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_SPOT_CHECK_NOTES;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_SPOT_CHECK_RESULT;

import java.util.Set;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.review.SpotChecks;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/** On leaving a spot-check task: confirmed, or irregular with what was found. */
@Component("spotCheckListener")
class SpotCheckListener extends TaskOutcomeListener {

    private final SpotChecks spotChecks;

    SpotCheckListener(SpotChecks spotChecks, Actors actors) {
        super(actors);
        this.spotChecks = spotChecks;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        String result = in.requiredChoice(VAR_SPOT_CHECK_RESULT, Set.of(SPOT_CHECK_CONFIRMED, SPOT_CHECK_IRREGULAR));
        String notes = SPOT_CHECK_IRREGULAR.equals(result) ? in.requiredText(VAR_SPOT_CHECK_NOTES, 2000)
                : in.optionalText(VAR_SPOT_CHECK_NOTES, 2000);
        in.validate();
        spotChecks.record(caseNumber, result, notes, actor);
    }
}
