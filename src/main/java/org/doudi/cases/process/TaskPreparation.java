package org.doudi.cases.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.doudi.cases.TaskAnswers;
import org.doudi.cases.TaskFormContext;
import org.doudi.cases.TaskFormContributor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Prepares every user task of every model when it is created, so that designers need not remember to:
 * <ul>
 * <li>what the forms show of the case (its number, applicant and village, the summary, the evidence)
 * is read from Doudi's tables by the features' {@link TaskFormContributor}s and set on the task itself,
 * where its candidates may read it (Tasklist lists it; process variables need rights on the instance)
 * and where it shadows any process variable of the same name, which a completion could have set;</li>
 * <li>the fields a task asks for, as the processes' contract classes and the features name them
 * ({@link TaskAnswers}), are cleared when it comes round again (a second township review after an upheld
 * objection, a decision after a return), so that nobody submits the last round's answer by accident, and
 * never shown as the task's own variables: a Tasklist submission would land on the task and be lost with
 * it.</li>
 * </ul>
 * A task whose business key is no case number gets nothing but the clearing.
 */
@Component
class TaskPreparation extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CaseRepository> cases;
    private final ObjectProvider<CaseRecords> records;
    private final ObjectProvider<TaskFormContributor> contributors;
    /** The answer fields of every task, collected from the {@link TaskAnswers} beans on first use. */
    private final SingletonSupplier<Map<String, List<String>>> answers;

    TaskPreparation(ObjectProvider<CaseRepository> cases, ObjectProvider<CaseRecords> records,
            ObjectProvider<TaskFormContributor> contributors, ObjectProvider<TaskAnswers> answers) {
        this.cases = cases;
        this.records = records;
        this.contributors = contributors;
        this.answers = SingletonSupplier.of(() -> collect(answers.orderedStream().toList()));
    }

    /** Each task's fields as all owners name them, each field once, in the order they name them. */
    static Map<String, List<String>> collect(List<TaskAnswers> owners) {
        Map<String, Set<String>> byTask = new LinkedHashMap<>();
        for (TaskAnswers owner : owners) {
            owner.answersByTask().forEach((task, fields) -> byTask.computeIfAbsent(task, t -> new LinkedHashSet<>())
                    .addAll(fields));
        }
        Map<String, List<String>> collected = new LinkedHashMap<>();
        byTask.forEach((task, fields) -> collected.put(task, List.copyOf(fields)));
        return Map.copyOf(collected);
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
        List<String> answers = this.answers.obtain().getOrDefault(task.getTaskDefinitionKey(), List.of());
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
