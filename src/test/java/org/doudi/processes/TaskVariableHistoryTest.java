package org.doudi.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The variables a task holds itself (what its form shows of the case) have no engine history; the
 * variables of the process, what staff submit included, keep theirs.
 */
@IntegrationTest
class TaskVariableHistoryTest {

    @Autowired
    CaseDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    @Test
    void aTasksOwnVariablesLeaveNoHistoryAndTheProcessVariablesDo() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        Task acceptance = driver.task(n, "Task_AcceptApplication");
        assertThat(tasks.getVariablesLocal(acceptance.getId())).containsKey("caseNumber");

        driver.accept(n);

        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(acceptance.getId()).count()).isZero();
        assertThat(history.createHistoricDetailQuery().taskId(acceptance.getId()).count()).isZero();
        HistoricVariableInstance accepted = history.createHistoricVariableInstanceQuery()
                .processInstanceId(acceptance.getProcessInstanceId()).variableName("accepted").singleResult();
        assertThat(accepted).isNotNull();
        assertThat(accepted.getValue()).isEqualTo(true);
        assertThat(history.createHistoricDetailQuery().processInstanceId(acceptance.getProcessInstanceId())
                .variableUpdates().count()).isPositive();
    }
}
