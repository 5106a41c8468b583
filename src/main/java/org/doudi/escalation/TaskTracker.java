package org.doudi.escalation;

import java.util.ArrayList;

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
 * a designer's new task is tracked and supervised without any Java.
 */
@Component
class TaskTracker extends AbstractProcessEnginePlugin {

    private final ObjectProvider<OpenTasks> openTasks;

    TaskTracker(ObjectProvider<OpenTasks> openTasks) {
        this.openTasks = openTasks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener opened = task -> openTasks.getObject().opened(task);
        TaskListener closed = task -> openTasks.getObject().closed(task);
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, opened);
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, closed);
                definition.addTaskListener(TaskListener.EVENTNAME_DELETE, closed);
            }
        });
    }
}
