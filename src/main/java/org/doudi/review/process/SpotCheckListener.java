package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.SPOT_CHECK_CONFIRMED;
import static org.doudi.cases.process.AssistanceApplicationProcess.SPOT_CHECK_IRREGULAR;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_SPOT_CHECK_NOTES;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_SPOT_CHECK_RESULT;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.doudi.review.SpotChecks;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/** On leaving a spot-check task: confirmed, or irregular with what was found. */
@Component("spotCheckListener")
class SpotCheckListener implements ExecutionListener {

    private final SpotChecks spotChecks;
    private final Actors actors;

    SpotCheckListener(SpotChecks spotChecks, Actors actors) {
        this.spotChecks = spotChecks;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FormInput in = FormInput.of(execution);
        String result = in.requiredChoice(VAR_SPOT_CHECK_RESULT, Set.of(SPOT_CHECK_CONFIRMED, SPOT_CHECK_IRREGULAR));
        String notes = SPOT_CHECK_IRREGULAR.equals(result) ? in.requiredText(VAR_SPOT_CHECK_NOTES, 2000)
                : in.optionalText(VAR_SPOT_CHECK_NOTES, 2000);
        in.validate();
        spotChecks.record(execution.getProcessBusinessKey(), result, notes, actors.currentUserId());
    }
}
