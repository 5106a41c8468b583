package org.doudi.monitoring;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.cases.TaskAnswers;
import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.doudi.shared.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contract of {@code processes/FieldCheck.bpmn} (摸排核查): its task's fields and the beans the model names.
 */
@Configuration(proxyBeanMethods = false)
class FieldCheckProcess {

    static final String TASK = "Task_FieldCheck";
    static final String OUTCOME = "fieldOutcome";
    static final String FINDINGS = "fieldFindings";
    static final String PROGRAMME = "programme";

    @Bean
    TaskAnswers fieldCheckAnswers() {
        return () -> Map.of(TASK, List.of(OUTCOME, FINDINGS, PROGRAMME));
    }

    /** {@code Task_FieldCheck} created: what its form shows (task-local, read by its candidates). */
    @Bean
    TaskListener fieldCheckTask(FieldChecks checks) {
        return (DelegateTask task) -> {
            FieldChecks.Shown shown = checks.shown(task.getExecution().getProcessBusinessKey());
            task.setVariableLocal("checkSummary", shown.summary());
            // Free text (a hotline report's words) may carry an ID or a phone number: masked, as in the logs.
            task.setVariableLocal("flagReason", PersonalData.maskAll(shown.reason()));
            task.setVariableLocal("rosterFacts", shown.rosters());
            // What Tasklist's cards show of every task (its filters' display variables).
            task.setVariableLocal("caseNumber", task.getExecution().getProcessBusinessKey());
            task.setVariableLocal("applicantName", shown.name());
            task.setVariableLocal("villageName", shown.villageName());
        };
    }

    /**
     * {@code Task_FieldCheck} completed: the answer checked as the task ends (an execution listener, so that a
     * refusal is a 400 naming the field and leaves the task open).
     */
    @Bean
    TaskOutcomeListener fieldCheckAnswer(FieldChecks checks, Actors actors) {
        return new TaskOutcomeListener(actors) {
            @Override
            protected void record(String number, FormInput in, String actor) {
                String outcome = in.requiredChoice(OUTCOME, FieldChecks.OUTCOMES);
                in.requiredText(FINDINGS, 2000);
                String programme = "apply".equals(outcome) ? in.optionalText(PROGRAMME, 10) : null;
                in.validate();
                checks.checkOutcome(number, outcome, programme);
            }
        };
    }

    /** {@code Task_ApplyFieldOutcome}: the outcome carried out, the check and its warning closed. */
    @Bean
    JavaDelegate applyFieldCheckOutcome(FieldChecks checks, Actors actors) {
        return execution -> {
            FormInput in = FormInput.of(execution);
            String outcome = in.requiredChoice(OUTCOME, FieldChecks.OUTCOMES);
            checks.finish(execution.getProcessBusinessKey(), outcome, in.requiredText(FINDINGS, 2000),
                    "apply".equals(outcome) ? in.optionalText(PROGRAMME, 10) : null, actors.currentUserId());
        };
    }
}
