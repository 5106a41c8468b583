package org.doudi.monitoring;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.cases.TaskAnswers;
import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.doudi.shared.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contract of {@code processes/HotlineComplaint.bpmn}: its task's fields and the beans the model names. */
@Configuration(proxyBeanMethods = false)
class HotlineProcess {

    static final String TASK = "Task_HandleComplaint";
    static final String FINDINGS = "complaintFindings";
    static final String ANSWER = "answerToReporter";

    @Bean
    TaskAnswers hotlineComplaintAnswers() {
        return () -> Map.of(TASK, List.of(FINDINGS, ANSWER));
    }

    /** {@code Task_HandleComplaint} created: the report and the reporter (the county's group may see him). */
    @Bean
    TaskListener hotlineComplaintTask(Hotline hotline) {
        return (DelegateTask task) -> {
            String number = task.getExecution().getProcessBusinessKey();
            // Free text may carry an ID or a phone number: masked, as in the logs.
            task.setVariableLocal("reportSummary", PersonalData.maskAll(hotline.summary(number)));
            task.setVariableLocal("reporterContact", hotline.reporter(number));
            // What Tasklist's cards show of every task (its filters' display variables).
            task.setVariableLocal("caseNumber", number);
            hotline.card(number).forEach(task::setVariableLocal);
        };
    }

    /** {@code Task_HandleComplaint} completed: the findings and the answer recorded (a refusal keeps it open). */
    @Bean
    TaskOutcomeListener hotlineComplaintAnswer(Hotline hotline, Actors actors) {
        return new TaskOutcomeListener(actors) {
            @Override
            protected void record(String number, FormInput in, String actor) {
                String findings = in.requiredText(FINDINGS, 2000);
                String answer = in.requiredText(ANSWER, 2000);
                in.validate();
                hotline.answered(number, findings, answer, actor);
            }
        };
    }
}
