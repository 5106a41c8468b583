package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_ACCEPTED;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_MISSING_MATERIALS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.doudi.review.Reviews;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/** On leaving {@code Task_AcceptApplication}: accepted, or not with the full list of what is missing. */
@Component("acceptanceListener")
class AcceptanceListener implements ExecutionListener {

    private final Reviews reviews;
    private final Actors actors;

    AcceptanceListener(Reviews reviews, Actors actors) {
        this.reviews = reviews;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FormInput in = FormInput.of(execution);
        Boolean accepted = in.requiredBoolean(VAR_ACCEPTED);
        String missing = Boolean.FALSE.equals(accepted) ? in.requiredText(VAR_MISSING_MATERIALS, 2000)
                : in.optionalText(VAR_MISSING_MATERIALS, 2000);
        in.validate();
        reviews.decideAcceptance(execution.getProcessBusinessKey(), accepted, missing,
                actors.currentUserId());
    }
}
