package org.doudi.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Why a user task keeps two escalation timers (docs/scale.md, "Escalations per second"): the one timer that
 * could serve both levels, a {@code timeout} listener on a cycle {@code R1/<level 1>/<until level 2>}, fires
 * its second time only if the first ran before the second moment. The engine takes the next occurrence after
 * the moment the first one runs, so a first run late enough (the job executor stopped over a weekend, a
 * backlog after an outage) drops the second level silently. Two timers each fire once, at their moment or as
 * soon as a node runs them. ({@code R2} fires three times when in time.)
 */
@IntegrationTest
class EscalationTimerCycleTest {

    static final String KEY = "EscalationTimerCycleProbe";
    static final Instant LEVEL1 = Instant.parse("2026-03-05T15:59:59Z");
    static final Instant LEVEL2 = Instant.parse("2026-03-10T15:59:59Z");

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @BeforeEach
    void deploy() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
            String cycle = "R1/" + LEVEL1 + "/PT" + (LEVEL2.getEpochSecond() - LEVEL1.getEpochSecond()) + "S";
            BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent()
                    .userTask("Probe_Task")
                    .camundaTaskListenerExpressionTimeoutWithCycle("Probe_Escalation", "${true}", cycle)
                    .endEvent().done();
            repository.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model).deploy();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCycleFiresItsSecondLevelWhenTheFirstRanInTime() {
        String instance = start();
        fireAt(instance, LEVEL1.plusSeconds(60));
        List<Job> second = timers(instance);
        assertThat(second).extracting(Job::getDuedate).containsExactly(Date.from(LEVEL2));
        ClockUtil.setCurrentTime(Date.from(LEVEL2.plusSeconds(60)));
        management.executeJob(second.get(0).getId());
        assertThat(timers(instance)).as("and no third time").isEmpty();
    }

    @Test
    void aCycleWhoseFirstLevelRunsLateNeverFiresTheSecond() {
        String instance = start();
        fireAt(instance, LEVEL2.plusSeconds(60));
        assertThat(timers(instance)).as("level 2 is lost: what two timers avoid").isEmpty();
    }

    private String start() {
        ClockUtil.setCurrentTime(Date.from(LEVEL1.minusSeconds(86_400)));
        return runtime.startProcessInstanceByKey(KEY).getId();
    }

    private void fireAt(String instance, Instant now) {
        List<Job> due = timers(instance);
        assertThat(due).extracting(Job::getDuedate).containsExactly(Date.from(LEVEL1));
        ClockUtil.setCurrentTime(Date.from(now));
        management.executeJob(due.get(0).getId());
    }

    private List<Job> timers(String instance) {
        return management.createJobQuery().processInstanceId(instance).timers().list();
    }
}
