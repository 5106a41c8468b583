package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_OBJECTION_FINDINGS;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_OBJECTION_UPHELD;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.review.Objections;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_HandleObjection}: upheld (with what was found) or not. */
@Component("objectionListener")
class ObjectionListener implements TaskListener {

    private final Objections objections;
    private final Actors actors;

    ObjectionListener(Objections objections, Actors actors) {
        this.objections = objections;
        this.actors = actors;
    }

    @Override
    public void notify(DelegateTask task) {
        FormInput in = FormInput.of(task);
        Boolean upheld = in.requiredBoolean(VAR_OBJECTION_UPHELD);
        String findings = Boolean.TRUE.equals(upheld) ? in.requiredText(VAR_OBJECTION_FINDINGS, 2000)
                : in.optionalText(VAR_OBJECTION_FINDINGS, 2000);
        in.validate();
        objections.resolve(task.getExecution().getProcessBusinessKey(), upheld, findings, actors.currentUserId());
    }
}
