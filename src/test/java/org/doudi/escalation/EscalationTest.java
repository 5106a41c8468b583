package org.doudi.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.cases.CaseRepository;
import org.doudi.region.StaffScope;
import org.doudi.review.Objections;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Due dates on the working-day calendar and escalation as time passes, with the engine clock moved and
 * the timers fired as the job executor would.
 */
@IntegrationTest
class EscalationTest {

    static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    EscalationRepository escalations;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    OpenTaskRepository openTasks;
    @Autowired
    CaseRepository cases;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    Objections objections;
    @Autowired
    TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(CST).toInstant()));
    }

    static Date endOf(String day) {
        return Date.from(WorkingDayCalendar.endOf(LocalDate.parse(day)));
    }

    @Test
    void dueDatesCountWorkingDaysAcrossTheSpringFestival() {
        at("2026-02-13T10:00:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        // 3 working days after Friday 13 Feb: Sat 14 (make-up day), Tue 24, Wed 25
        assertThat(driver.task(n, "Task_AcceptApplication").getDueDate()).isEqualTo(endOf("2026-02-25"));
        driver.accept(n);
        driver.runDataVerification(n);
        assertThat(driver.task(n, "Task_HomeVisit").getDueDate()).isEqualTo(endOf("2026-02-25"));
        driver.homeVisit(CASEWORKER1, n, homeVisit(600, 0));
        // 10 working days: 14, 24, 25, 26, 27, 28 (make-up Saturday), 2, 3, 4, 5 March
        assertThat(driver.task(n, "Task_TownshipReview").getDueDate()).isEqualTo(endOf("2026-03-05"));
    }

    @Test
    void dueDatesCountWorkingDaysAcrossNationalDay() {
        at("2026-09-30T16:00:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        // 8, 9 October, then Saturday 10 October (make-up day)
        assertThat(driver.task(n, "Task_AcceptApplication").getDueDate()).isEqualTo(endOf("2026-10-10"));
    }

    @Test
    void anOverdueTaskEscalatesOnceToItsOwnLevelThenToTheCounty() throws Exception {
        at("2026-03-02T10:00:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        Task task = driver.task(n, "Task_AcceptApplication");
        assertThat(task.getDueDate()).isEqualTo(endOf("2026-03-05"));
        List<Job> timeouts = engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
                .activityId("Task_AcceptApplication").timers().orderByJobDuedate().asc().list();
        assertThat(timeouts).extracting(Job::getDuedate).containsExactly(endOf("2026-03-05"), endOf("2026-03-10"));

        at("2026-03-05T18:00:00");
        assertThat(driver.fireDueTimers(n)).isZero();

        at("2026-03-06T08:00:00");
        assertThat(driver.fireDueTimers(n)).isEqualTo(1);
        assertThat(driver.task(n, "Task_AcceptApplication")).hasCandidateGroup("township-" + TOWNSHIP_A1)
                .hasCandidateGroup("supervisor-township-" + TOWNSHIP_A1);
        assertThat(engine.getTaskService().getVariableLocal(task.getId(), "overdue")).isEqualTo(true);
        assertThat(escalations.countByTaskIdAndLevel(task.getId(), "LEVEL_1")).isEqualTo(1);
        assertThat(notifications.findTop100ByGroupIdInOrderByIdDesc(List.of("supervisor-township-" + TOWNSHIP_A1)))
                .anyMatch(x -> task.getId().equals(x.taskId()) && x.message().contains(n));
        long seen = driver.as(TSUPERVISOR1, () -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count());
        assertThat(seen).as("the township supervisor sees the overdue task").isEqualTo(1);
        assertThat(engine.getAuthorizationService().isUserAuthorized(TSUPERVISOR1,
                List.of("supervisor-township-" + TOWNSHIP_A1), org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN,
                org.camunda.bpm.engine.authorization.Resources.TASK, task.getId()))
                .as("and may reassign it").isTrue();

        JsonNode overdue = overdue(TSUPERVISOR1, TOWNSHIP_A1);
        JsonNode row = rowOf(overdue, n);
        assertThat(row.path("taskKey").asText()).isEqualTo("Task_AcceptApplication");
        assertThat(row.path("workingDaysOverdue").asInt()).isEqualTo(1);
        assertThat(row.path("escalationLevel").asInt()).isEqualTo(1);
        assertThat(row.path("group").asText()).isEqualTo("township-" + TOWNSHIP_A1);

        at("2026-03-09T08:00:00");
        assertThat(driver.fireDueTimers(n)).as("level 2 waits 3 working days").isZero();
        at("2026-03-11T08:00:00");
        assertThat(driver.fireDueTimers(n)).isEqualTo(1);
        assertThat(driver.task(n, "Task_AcceptApplication")).hasCandidateGroup("supervisor-county-" + COUNTY_A);
        assertThat(escalations.countByTaskIdAndLevel(task.getId(), "LEVEL_2")).isEqualTo(1);
        JsonNode county = rowOf(overdue(SUPERVISOR1, COUNTY_A), n);
        assertThat(county.path("escalationLevel").asInt()).isEqualTo(2);
        assertThat(county.path("workingDaysOverdue").asInt()).isEqualTo(4);

        at("2026-04-30T08:00:00");
        assertThat(driver.fireDueTimers(n)).as("each level fires once").isLessThanOrEqualTo(1); // the procedure timer
        assertThat(escalations.countByTaskIdAndLevel(task.getId(), "LEVEL_1")).isEqualTo(1);
        assertThat(escalations.countByTaskIdAndLevel(task.getId(), "LEVEL_2")).isEqualTo(1);

        driver.accept(n);
        assertThat(openTasks.findById(task.getId())).isEmpty();
    }

    @Test
    void aCasePastItsWholeProcedureLimitGoesToTheCountySupervisors() {
        at("2026-03-02T10:00:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.accept(n);
        Job procedure = procedureTimer(n);
        // 30 working days from acceptance
        assertThat(procedure.getDuedate()).isEqualTo(Date.from(WorkingDayCalendar.endOf(
                calendar.plusWorkingDays(LocalDate.parse("2026-03-02"), 30))));

        driver.runDataVerification(n);
        driver.homeVisit(CASEWORKER1, n, homeVisit(600, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        objections.raise(n, "有异议", CLERK1, StaffScope.of(List.of("village-" + VILLAGE_A1)));
        // an objection extends the limit to 45 working days
        Date extended = Date.from(WorkingDayCalendar.endOf(calendar.plusWorkingDays(LocalDate.parse("2026-03-02"), 45)));
        assertThat(procedureTimer(n).getDuedate()).isEqualTo(extended);

        ClockUtil.setCurrentTime(new Date(extended.getTime() + 1000));
        engine.getManagementService().executeJob(procedureTimer(n).getId());

        assertThat(driver.task(n, "Task_HandleObjection")).hasCandidateGroup("supervisor-county-" + COUNTY_A);
        assertThat(escalations.findByCaseIdOrderById(cases.findByCaseNumber(n).orElseThrow().id()))
                .extracting(EscalationRecord::level).contains(EscalationRecord.PROCEDURE);
        assertThat(notifications.findTop100ByGroupIdInOrderByIdDesc(List.of("supervisor-county-" + COUNTY_A)))
                .anyMatch(x -> x.kind().equals("PROCEDURE_BREACHED") && x.message().contains(n));
    }

    @Test
    void supervisionIsForTheSupervisorsOfTheRegion() {
        assertThat(status(CASEWORKER1, COUNTY_A)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(SUPERVISOR1, COUNTY_B)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(TSUPERVISOR1, COUNTY_A)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(SUPERVISOR1, "13010")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status(SUPERVISOR1, TOWNSHIP_A2)).as("a county supervisor sees his townships").isEqualTo(HttpStatus.OK);
    }

    private Job procedureTimer(String caseNumber) {
        return engine.getManagementService().createJobQuery().processInstanceId(driver.instance(caseNumber).getId())
                .activityId("Timer_ProcedureLimit").singleResult();
    }

    private HttpStatus status(String user, String region) {
        return HttpStatus.valueOf(http.withBasicAuth(user, PASSWORD)
                .getForEntity("/api/supervision/overdue?region=" + region, String.class).getStatusCode().value());
    }

    private JsonNode overdue(String user, String region) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD)
                .getForEntity("/api/supervision/overdue?region=" + region, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    private static JsonNode rowOf(JsonNode list, String caseNumber) {
        for (JsonNode row : list) {
            if (row.path("caseNumber").asText().equals(caseNumber)) {
                return row;
            }
        }
        throw new AssertionError("case " + caseNumber + " not in " + list);
    }
}
