package org.doudi.escalation;

import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds to every user task of every model the listeners that keep the open-task read model, so that
 * a designer's new task is tracked and supervised without any Java. The step its due date counts
 * ({@code ${deadlines.due(execution, 'step')}}) is read from the model and kept with the task; a task whose
 * limit is on starting it ({@code investigation-start}) also records when it is claimed.
 */
@Component
class TaskTracker extends AbstractProcessEnginePlugin {

    /** {@code ${deadlines.due(execution, 'county-decision')}}: the step a task's due date counts. */
    private static final Pattern DUE_STEP = Pattern
            .compile("deadlines\\.due\\(\\s*execution\\s*,\\s*'([A-Za-z0-9-]+)'\\s*\\)");

    private final ObjectProvider<OpenTasks> openTasks;
    private final ObjectProvider<Escalations> escalations;

    TaskTracker(ObjectProvider<OpenTasks> openTasks, ObjectProvider<Escalations> escalations) {
        this.openTasks = openTasks;
        this.escalations = escalations;
    }

    /** The step named in a due-date expression, or {@code null}. */
    static String stepOf(String dueDateExpression) {
        if (dueDateExpression == null) {
            return null;
        }
        Matcher m = DUE_STEP.matcher(dueDateExpression);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener closed = task -> openTasks.getObject().closed(task);
        TaskListener started = task -> escalations.getObject().investigationStarted(task);
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition();
                String step = stepOf(definition.getDueDateExpression() == null ? null
                        : definition.getDueDateExpression().getExpressionText());
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> openTasks.getObject().opened(task, step));
                if (Deadlines.INVESTIGATION_START.equals(step)) {
                    // the limit is on starting the investigation: claiming the task starts it
                    definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, started);
                }
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, closed);
                definition.addTaskListener(TaskListener.EVENTNAME_DELETE, closed);
            }
        });
    }
}
