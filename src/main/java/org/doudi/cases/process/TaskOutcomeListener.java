package org.doudi.cases.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;

/**
 * What happens when a user task is completed: the submitted fields are checked and the outcome is
 * recorded for the case, in the transaction of the completion. Attached to a user task as an execution
 * listener on {@code end} (not a task listener: the engine would wrap a refusal into a 500 answer),
 * so a refused submission is a 400 and leaves the task open. Cancelled tasks record nothing.
 */
public abstract class TaskOutcomeListener implements ExecutionListener {

    private final Actors actors;

    protected TaskOutcomeListener(Actors actors) {
        this.actors = actors;
    }

    @Override
    public final void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        record(execution.getProcessBusinessKey(), FormInput.of(execution), actors.currentUserId());
    }

    /** Reads and checks the fields ({@link FormInput#validate()}), then records the outcome. */
    protected abstract void record(String caseNumber, FormInput input, String actor);
}
