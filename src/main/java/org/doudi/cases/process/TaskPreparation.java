package org.doudi.cases.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.TaskFormContext;
import org.doudi.cases.TaskFormContributor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Prepares every user task of every model when it is created, so that designers need not remember to:
 * <ul>
 * <li>what the forms show of the case (its number, applicant and village, the summary, the evidence)
 * is read from Doudi's tables by the features' {@link TaskFormContributor}s and set on the task itself,
 * where its candidates may read it (Tasklist lists it; process variables need rights on the instance)
 * and where it shadows any process variable of the same name, which a completion could have set;</li>
 * <li>the fields a task asks for are cleared when it comes round again (a second township review after
 * an upheld objection, a decision after a return), so that nobody submits the last round's answer by
 * accident.</li>
 * </ul>
 * A task whose business key is no case number gets nothing but the clearing.
 */
@Component
public class TaskPreparation extends AbstractProcessEnginePlugin {

    /**
     * The answer fields of the tasks that can come round more than once. Never shown as a task's own
     * variable on that task: a Tasklist submission would land on the task and be lost with it.
     */
    static final Map<String, List<String>> ANSWERS = Map.of(
            "Task_AcceptApplication", List.of("accepted", "missingMaterials", "authorisedMembers",
                    "authorisationReference"),
            // A second home visit (after an upheld objection or an objection to the verification result)
            // starts from an empty form, and makes its own finding on the ability to work.
            "Task_HomeVisit", List.of("wageIncome", "employmentCost", "businessIncome", "propertyIncome",
                    "transferIncome", "excludedIncome", "rigidExpense", "assetsWithinLimit", "hasAbleSupporter",
                    "canEat", "canDress", "canGetInOutOfBed", "canUseToilet", "canWalkIndoors", "canBathe",
                    "wantsCentralisedCare", "visitNotes", "applicantAbleToWork", "ableToWorkReason"),
            "Task_TownshipReview", List.of("townshipDecision", "townshipOpinion", "referToPovertyOffice",
                    "specialCircumstance", "specialCircumstanceReason", "appraisalHeldOn", "appraisalParticipants",
                    "appraisalParticipantCount", "appraisalResult", "appraisalNotes"),
            "Task_HandleObjection", List.of("objectionUpheld", "objectionFindings",
                    "appraisalHeldOn", "appraisalParticipants", "appraisalParticipantCount", "appraisalResult",
                    "appraisalNotes"),
            "Task_CountyDecision", List.of("countyDecision", "countyOpinion", "approvedAmount"),
            "Task_SpotCheck", List.of("spotCheckResult", "spotCheckNotes"),
            "Task_DelegatedSpotCheck", List.of("spotCheckResult", "spotCheckNotes"),
            "Task_EmergencyGrant", List.of("grantAmount", "submitToCounty"),
            "Task_CompletePaperwork", List.of("paperworkComplete", "paperworkNotes"));

    private final ObjectProvider<CaseRepository> cases;
    private final ObjectProvider<CaseRecords> records;
    private final ObjectProvider<TaskFormContributor> contributors;

    TaskPreparation(ObjectProvider<CaseRepository> cases, ObjectProvider<CaseRecords> records,
            ObjectProvider<TaskFormContributor> contributors) {
        this.cases = cases;
        this.records = records;
        this.contributors = contributors;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener prepare = this::prepare;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, prepare);
            }
        });
    }

    void prepare(DelegateTask task) {
        List<String> answers = ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of());
        for (String name : answers) {
            task.getExecution().removeVariable(name);
        }
        String caseNumber = task.getExecution().getProcessBusinessKey();
        AssistanceCase c = caseNumber == null ? null
                : cases.getObject().findWithHouseholdByCaseNumber(caseNumber).orElse(null);
        if (c == null) {
            return;
        }
        String processKey = ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey();
        TaskFormContext context = new TaskFormContext(c, processKey, task.getTaskDefinitionKey(),
                task.getProcessInstanceId(), () -> records.getObject().decisionsOf(c));
        Map<String, Object> shown = new LinkedHashMap<>();
        contributors.orderedStream().forEach(contributor -> contributor.contribute(context, shown));
        shown.forEach((name, value) -> {
            if (answers.contains(name)) {
                return;
            }
            // A null of the task's own hides a process variable of that name; none is needed without one.
            if (value != null || task.getExecution().hasVariable(name)) {
                task.setVariableLocal(name, value);
            }
        });
    }
}
