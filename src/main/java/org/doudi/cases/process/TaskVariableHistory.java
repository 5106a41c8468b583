package org.doudi.cases.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine keeps full history (the user operation log, decisions, jobs, every process variable), but not
 * of the variables a user task holds itself: in Doudi those are what the forms show of the case, copied from
 * Doudi's tables when the task is created ({@link TaskPreparation}), and the escalation marks, which the
 * escalation records keep. Their history would only repeat the case's own tables and timeline, and it cost
 * about a third of the statements of a step (docs/scale.md, "Cost of a step"). What staff submit lands on
 * the process instance (the engine API guard lets nothing else write a task's own variables), and its
 * history is kept as before.
 * <p>
 * Installed as the engine's history event handler: the engine's own database handler, which writes every
 * other event unchanged.
 */
@Component
class TaskVariableHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new WithoutTaskVariables());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** Whether an event is about a variable of a task's own (its history is not written). */
    static boolean ofTaskVariable(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null;
    }

    /** The engine's database handler, without the history of the tasks' own variables. */
    static final class WithoutTaskVariables extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!ofTaskVariable(event)) {
                super.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            for (HistoryEvent event : events) {
                handleEvent(event);
            }
        }
    }
}
