package org.doudi.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.TestCounties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loading or correcting a calendar moves what was computed with the old one (open tasks' due dates, their
 * escalation timers, procedure timers), and a county's deadlines follow its province's own days off.
 */
@IntegrationTest
class DeadlinesFollowTheCalendarTest {

    static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    OpenTaskRepository openTasks;
    @Autowired
    TestCounties counties;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

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

    JsonNode put(String path, Object body) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth("admin", PASSWORD).exchange(path, HttpMethod.PUT,
                new HttpEntity<>(body), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    /** 2034 has no schedule yet (as 2027 today): its deadlines count weekdays until it is loaded. */
    @Test
    void loadingAYearMovesTheDueDatesTimersAndProcedureLimitsComputedWithoutIt() throws Exception {
        at("2034-03-06T10:00:00"); // a Monday
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        Task task = driver.task(n, "Task_AcceptApplication");
        assertThat(task.getDueDate()).isEqualTo(endOf("2034-03-09"));
        assertThat(timeouts(task)).containsExactly(endOf("2034-03-09"), endOf("2034-03-14"));
        assertThat(procedureTimer(task).getDuedate()).isEqualTo(endOf("2034-04-17")); // 30 weekdays

        JsonNode answer = put("/api/calendar/2034", Map.of("year", 2034, "source", "测试用：2034年节假日安排（示例）",
                "holidays", List.of("2034-03-07/2034-03-08"), "workdays", List.of()));
        assertThat(answer.path("year").asInt()).isEqualTo(2034);
        assertThat(answer.path("version").asInt()).isEqualTo(1);
        assertThat(answer.path("tasksMoved").asInt()).isEqualTo(1);
        assertThat(answer.path("timersMoved").asInt()).isEqualTo(1);

        // two days off on 7 and 8 March: 3 working days are 9, 10, 13 March
        assertThat(driver.task(n, "Task_AcceptApplication").getDueDate()).isEqualTo(endOf("2034-03-13"));
        assertThat(openTasks.findById(task.getId()).orElseThrow().dueAt()).isEqualTo(endOf("2034-03-13").toInstant());
        assertThat(timeouts(task)).containsExactly(endOf("2034-03-13"), endOf("2034-03-16"));
        assertThat(procedureTimer(task).getDuedate()).isEqualTo(endOf("2034-04-19"));

        // the same schedule again moves nothing
        JsonNode again = put("/api/calendar/2034", Map.of("year", 2034, "source", "测试用：2034年节假日安排（示例）",
                "holidays", List.of("2034-03-07/2034-03-08"), "workdays", List.of()));
        assertThat(again.path("version").asInt()).isEqualTo(1);
        assertThat(again.path("tasksMoved").asInt()).isZero();

        // a correction with one more day off (13 March) moves them again, by one working day
        JsonNode corrected = put("/api/calendar/2034", Map.of("year", 2034, "source", "测试用：更正（示例）",
                "holidays", List.of("2034-03-07/2034-03-08", "2034-03-13"), "workdays", List.of()));
        assertThat(corrected.path("version").asInt()).isEqualTo(2);
        assertThat(corrected.path("tasksMoved").asInt()).isEqualTo(1);
        assertThat(driver.task(n, "Task_AcceptApplication").getDueDate()).isEqualTo(endOf("2034-03-14"));
        assertThat(timeouts(task)).containsExactly(endOf("2034-03-14"), endOf("2034-03-17"));
        assertThat(procedureTimer(task).getDuedate()).isEqualTo(endOf("2034-04-20"));
    }

    /**
     * A county of 广西 (45) has the national days off and its region's own; the days used here are test
     * data loaded through the API, not a schedule shipped as fact.
     */
    @Test
    void aCountyWithRegionalHolidaysHasLaterDeadlinesThanANationalOne() throws Exception {
        TestCounties.County guangxi = counties.create(TestCounties.countyAValues(), "45");
        at("2026-04-16T10:00:00"); // a Thursday
        String regional = driver.submit(guangxi.caseworker(), CaseDriver.dibao(guangxi.village(), 2)).caseNumber();
        String national = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        // 17, 20, 21 April in both before the region's days are loaded
        assertThat(driver.task(regional, "Task_AcceptApplication").getDueDate()).isEqualTo(endOf("2026-04-21"));

        JsonNode answer = put("/api/calendar/2026?province=45", Map.of("year", 2026, "source",
                "测试用：广西壮族自治区“壮族三月三”放假安排（示例数据）", "holidays", List.of("2026-04-20/2026-04-21"),
                "workdays", List.of()));
        assertThat(answer.path("region").asText()).isEqualTo("45");
        assertThat(answer.path("tasksMoved").asInt()).isEqualTo(1);

        // 17, 22, 23 April in 广西; the national county keeps 21 April
        Task moved = driver.task(regional, "Task_AcceptApplication");
        assertThat(moved.getDueDate()).isEqualTo(endOf("2026-04-23"));
        assertThat(timeouts(moved)).containsExactly(endOf("2026-04-23"), endOf("2026-04-28"));
        assertThat(driver.task(national, "Task_AcceptApplication").getDueDate()).isEqualTo(endOf("2026-04-21"));

        String later = driver.submit(guangxi.caseworker(), CaseDriver.dibao(guangxi.village(), 2)).caseNumber();
        assertThat(driver.task(later, "Task_AcceptApplication").getDueDate()).isEqualTo(endOf("2026-04-23"));

        // a national version with the same days recomputes every open task of the year: none lands elsewhere
        Map<String, Object> same = new java.util.HashMap<>();
        same.put("year", 2026);
        same.put("source", "国务院办公厅关于2026年部分节假日安排的通知（重新核对）");
        same.put("holidays", List.of("2026-01-01/2026-01-03", "2026-02-15/2026-02-23", "2026-04-04/2026-04-06",
                "2026-05-01/2026-05-05", "2026-06-19/2026-06-21", "2026-09-25/2026-09-27", "2026-10-01/2026-10-07"));
        same.put("workdays", List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                "2026-10-10"));
        JsonNode unchanged = put("/api/calendar/2026", same);
        assertThat(unchanged.path("tasksMoved").asInt()).isZero();
        assertThat(unchanged.path("timersMoved").asInt()).isZero();
        assertThat(driver.task(regional, "Task_AcceptApplication").getDueDate()).isEqualTo(endOf("2026-04-23"));
    }

    private List<Date> timeouts(Task task) {
        return engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(task.getTaskDefinitionKey()).timers().orderByJobDuedate().asc().list().stream()
                .map(Job::getDuedate).toList();
    }

    private Job procedureTimer(Task task) {
        return engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
                .activityId("Timer_ProcedureLimit").singleResult();
    }
}
