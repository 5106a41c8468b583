package org.doudi.cases.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Prepares every user task of every model when it is created, so that designers need not remember to:
 * <ul>
 * <li>the case number, applicant and village are copied onto the task, where its candidates may read
 * them (Tasklist lists them; process variables need rights on the instance);</li>
 * <li>the fields a task asks for are cleared when it comes round again (a second township review after
 * an upheld objection, a decision after a return), so that nobody submits the last round's answer by
 * accident.</li>
 * </ul>
 */
@Component
public class TaskPreparation extends AbstractProcessEnginePlugin {

    /** Shown in the Tasklist filters. */
    static final List<String> DISPLAYED = List.of(AssistanceApplicationProcess.VAR_CASE_NUMBER,
            AssistanceApplicationProcess.VAR_APPLICANT_NAME, AssistanceApplicationProcess.VAR_VILLAGE);

    /** The answer fields of the tasks that can come round more than once. */
    static final Map<String, List<String>> ANSWERS = Map.of(
            "Task_AcceptApplication", List.of("accepted", "missingMaterials"),
            "Task_TownshipReview", List.of("townshipDecision", "townshipOpinion", "referToPovertyOffice"),
            "Task_HandleObjection", List.of("objectionUpheld", "objectionFindings"),
            "Task_CountyDecision", List.of("countyDecision", "countyOpinion", "approvedAmount"),
            "Task_SpotCheck", List.of("spotCheckResult", "spotCheckNotes"),
            "Task_DelegatedSpotCheck", List.of("spotCheckResult", "spotCheckNotes"),
            "Task_EmergencyGrant", List.of("grantAmount"),
            "Task_CompletePaperwork", List.of("paperworkComplete", "paperworkNotes"));

    private static final TaskListener PREPARE = TaskPreparation::prepare;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, PREPARE);
            }
        });
    }

    static void prepare(DelegateTask task) {
        for (String name : ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
            task.getExecution().removeVariable(name);
        }
        for (String name : DISPLAYED) {
            Object value = task.getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
    }
}
