package org.doudi.cases.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.doudi.shared.RefusedSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;

/**
 * What happens when a user task is completed: the submitted fields are checked and the outcome is
 * recorded for the case, in the transaction of the completion. Attached to a user task as an execution
 * listener on {@code end} (not a task listener: the engine would wrap a refusal into a 500 answer),
 * so a refused submission is a 400 and leaves the task open. Cancelled tasks record nothing.
 * A refusal is logged here as one WARN line with the case, the task and the fields (never their values);
 * the engine's own ERROR with stack trace for it is dropped by the logging configuration.
 */
@NamedInterface("process")
public abstract class TaskOutcomeListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(TaskOutcomeListener.class);

    private final Actors actors;

    protected TaskOutcomeListener(Actors actors) {
        this.actors = actors;
    }

    @Override
    public final void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        String caseNumber = execution.getProcessBusinessKey();
        String actor = actors.currentUserId();
        try {
            record(caseNumber, FormInput.of(execution), actor);
        } catch (FormFieldValidationException e) {
            log.warn("submission refused: case {}, task {}, by {}, fields {}", caseNumber,
                    execution.getCurrentActivityId(), actor, RefusedSubmission.fieldsOf(e));
            throw e;
        }
    }

    /** Reads and checks the fields ({@link FormInput#validate()}), then records the outcome. */
    protected abstract void record(String caseNumber, FormInput input, String actor);
}
