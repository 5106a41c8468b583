package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_OBJECTION_FINDINGS;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_OBJECTION_UPHELD;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.doudi.review.Objections;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/** On leaving {@code Task_HandleObjection}: upheld (with what was found) or not. */
@Component("objectionListener")
class ObjectionListener implements ExecutionListener {

    private final Objections objections;
    private final Actors actors;

    ObjectionListener(Objections objections, Actors actors) {
        this.objections = objections;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        FormInput in = FormInput.of(execution);
        Boolean upheld = in.requiredBoolean(VAR_OBJECTION_UPHELD);
        String findings = Boolean.TRUE.equals(upheld) ? in.requiredText(VAR_OBJECTION_FINDINGS, 2000)
                : in.optionalText(VAR_OBJECTION_FINDINGS, 2000);
        in.validate();
        objections.resolve(execution.getProcessBusinessKey(), upheld, findings, actors.currentUserId());
    }
}
