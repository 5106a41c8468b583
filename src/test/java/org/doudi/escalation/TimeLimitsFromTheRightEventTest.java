package org.doudi.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.TimelineStep;
import org.doudi.region.StaffScope;
import org.doudi.review.Objections;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Time limits counted from the event the rules name (最低生活保障审核确认办法 2021, 特困人员认定办法 2021,
 * 临时救助意见 2018), on the official calendar; expected dates are worked out by hand from the schedules
 * in docs/domain.md (start day not counted).
 */
@IntegrationTest
class TimeLimitsFromTheRightEventTest {

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
    CaseRepository cases;
    @Autowired
    CaseRecords records;
    @Autowired
    Objections objections;
    @Autowired
    OpenTaskRepository openTasks;
    @Autowired
    org.doudi.supervision.Supervision supervision;

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

    /** The home investigation must START within 3 working days of 受理, however long verification takes. */
    @ParameterizedTest(name = "accepted {0}, verified {1}: the visit must start by {2}")
    @CsvSource({
            "2024-09-20T10:00:00, 2024-09-24T09:00:00, 2024-09-25", // domain.md's worked example
            "2024-09-27T10:00:00, 2024-09-29T09:00:00, 2024-10-08", // Sun 29 Sep (make-up day), Mon 30, Tue 8 Oct
            "2026-02-13T10:00:00, 2026-02-24T10:00:00, 2026-02-25", // Sat 14 Feb (make-up), 24, 25 Feb
            "2026-03-02T10:00:00, 2026-03-09T10:00:00, 2026-03-05", // verification late: already overdue at creation
    })
    void theHomeVisitIsDueThreeWorkingDaysAfterAcceptance(String accepted, String verified, String due) {
        at(accepted);
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.accept(n);
        at(verified);
        driver.runDataVerification(n);
        Task visit = driver.task(n, "Task_HomeVisit");
        assertThat(visit.getDueDate()).isEqualTo(endOf(due));
        OpenTask row = openTasks.findById(visit.getId()).orElseThrow();
        assertThat(row.step()).isEqualTo("investigation-start");
        assertThat(row.anchorDay()).isEqualTo(LocalDate.parse(accepted.substring(0, 10)));
        assertThat(timeoutsOf(visit)).containsExactly(endOf(due),
                Date.from(WorkingDayCalendar.endOf(plus3(LocalDate.parse(due)))));
    }

    private LocalDate plus3(LocalDate day) {
        return calendar.plusWorkingDays(day, 3);
    }

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    Deadlines deadlines;

    /**
     * Each step's limit per programme, from an anchor on Friday 2024-09-20 (2024: 29 Sep and 12 Oct worked,
     * 1–7 Oct off): 3 wd = 25 Sep, 5 = 27 Sep, 10 = 10 Oct, 15 = 16 Oct, 20 = 23 Oct.
     */
    @ParameterizedTest(name = "{0} {1}: due {2}")
    @CsvSource({
            "DIBAO,     investigation-start, 2024-09-25",
            "DIBAO,     township-review,     2024-10-10",
            "DIBAO,     objection,           2024-10-10",
            "DIBAO,     county-decision,     2024-10-10",
            "DIBAO,     spot-check,          2024-10-10", // the county's check of delegated decisions
            "DIBAO,     rejection-notice,    2024-09-25",
            "TEKUN,     investigation-start, 2024-09-25",
            "TEKUN,     township-review,     2024-10-16",
            "TEKUN,     objection,           2024-10-16",
            "TEKUN,     county-decision,     2024-10-16",
            "TEKUN,     spot-check,          2024-10-16", // within the county's 15, not 10 of its own
            "TEMPORARY, township-review,     2024-09-27",
            "TEMPORARY, county-decision,     2024-09-27",
            "TEMPORARY, emergency-grant,     2024-09-23",
            "TEMPORARY, paperwork,           2024-10-23",
    })
    void eachStepsLimitCountsWorkingDaysFromItsAnchor(String programme, String step, LocalDate due) {
        at("2024-09-19T10:00:00");
        AssistanceCase c = driver.submit(CASEWORKER1, form(programme, "EXPENDITURE", VILLAGE_A1));
        LocalDate anchor = LocalDate.parse("2024-09-20");
        assertThat(deadlines.limitFrom(c, step, anchor)).isEqualTo(new Deadlines.Limit(step, anchor, due));
    }

    /** The whole procedure, per programme, from 受理. */
    @ParameterizedTest(name = "{0} {1} accepted {2}: procedure ends {3}")
    @CsvSource({
            "DIBAO,     ,            130102100201, 2024-09-20T10:00:00, 2024-11-06", // 30 wd, domain.md
            "DIBAO,     ,            130102100201, 2025-01-20T10:00:00, 2025-03-07", // 30 wd across the Spring Festival
            "DIBAO,     ,            130104200201, 2026-03-02T10:00:00, 2026-03-30", // delegated: 20 wd
            // 特困: township 15 wd (23 Mar) + 7-day notice (30 Mar) + county 15 wd (Qingming 4–6 Apr off)
            "TEKUN,     ,            130102100201, 2026-03-02T10:00:00, 2026-04-21",
            "TEMPORARY, EXPENDITURE, 130102100201, 2026-03-02T10:00:00, 2026-03-23", // 支出型 15 wd
    })
    void theWholeProcedureHasEachProgrammesOwnLimit(String programme, String kind, String village, String accepted,
            String ends) {
        at(accepted);
        String user = village.startsWith(COUNTY_B) ? "caseworker9" : CASEWORKER1;
        String n = driver.submit(user, form(programme, kind, village)).caseNumber();
        driver.accept(user, n);
        Job timer = procedureTimer(n);
        assertThat(timer.getDuedate()).isEqualTo(endOf(ends));
    }

    private static ApplicationForm form(String programme, String kind, String village) {
        return switch (programme) {
            case "TEKUN" -> tekun(village);
            case "TEMPORARY" -> CaseDriver.temporary(village, kind, "MEDICAL_EXPENSE", "2000");
            default -> CaseDriver.dibao(village, 2);
        };
    }

    static ApplicationForm tekun(String village) {
        return new ApplicationForm("TEKUN", null, village,
                new ApplicationForm.Applicant("五保老人", ResidentIds.ofAge(78), null), List.of(), "无劳动能力、无生活来源",
                null);
    }

    @Test
    void aHomeVisitStartedInTimeDoesNotEscalateOneNotStartedDoes() {
        at("2026-03-02T10:00:00");
        String started = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        String idle = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        for (String n : List.of(started, idle)) {
            driver.accept(n);
            driver.runDataVerification(n);
        }
        at("2026-03-04T15:00:00");
        Task visit = driver.task(started, "Task_HomeVisit");
        driver.as(CASEWORKER1, () -> {
            engine.getTaskService().claim(visit.getId(), CASEWORKER1);
            return null;
        });
        AssistanceCase c = cases.findByCaseNumber(started).orElseThrow();
        assertThat(c.investigationStartedAt()).isNotNull();
        assertThat(records.timelineOf(c)).anyMatch(e -> e.step() == TimelineStep.INVESTIGATION_STARTED
                && e.outcome().equals("in_time"));

        at("2026-03-06T08:00:00"); // after the due date (5 March), level 1 due
        driver.fireDueTimers(started);
        driver.fireDueTimers(idle);
        Task idleVisit = driver.task(idle, "Task_HomeVisit");
        assertThat(escalations.existsByTaskIdAndLevel(visit.getId(), "LEVEL_1")).as("started in time").isFalse();
        assertThat(escalations.existsByTaskIdAndLevel(idleVisit.getId(), "LEVEL_1")).as("never started").isTrue();
        at("2026-03-11T08:00:00"); // level 2
        driver.fireDueTimers(started);
        assertThat(escalations.existsByTaskIdAndLevel(visit.getId(), "LEVEL_2")).isFalse();
        StaffScope townshipSupervisor = StaffScope.of(List.of("supervisor-township-" + TOWNSHIP_A1));
        assertThat(supervision.overdue(TOWNSHIP_A1, null, townshipSupervisor, 0, 200, false).items())
                .extracting(s -> s.task().taskId()).contains(idleVisit.getId()).doesNotContain(visit.getId());
    }

    /**
     * 特困: the township's 15 working days count from 受理; the county's 15 include its spot check, both from
     * the end of the notice.
     */
    @Test
    void tekunTownshipCountsFromAcceptanceAndTheCountysFifteenIncludeTheSpotCheck() {
        at("2026-03-02T10:00:00");
        String n = driver.submit(CASEWORKER1, tekun(VILLAGE_A1)).caseNumber();
        driver.accept(n);
        at("2026-03-10T10:00:00");
        driver.runDataVerification(n);
        Map<String, Object> visit = homeVisit(0, 0);
        visit.put("hasAbleSupporter", false);
        driver.homeVisit(CASEWORKER1, n, visit);
        // 15 working days from 2 March, not from 10 March
        assertThat(driver.task(n, "Task_TownshipReview").getDueDate()).isEqualTo(endOf("2026-03-23"));

        at("2026-03-12T10:00:00");
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.letNoticeRunOut(n); // posted 12 March, last notice day 19 March
        // 15 working days after 19 March: 20, 23–27, 30, 31, 1–3 April, (4–6 off), 7–10 April
        String countyDue = "2026-04-10";
        if (Boolean.TRUE.equals(engine.getRuntimeService().getVariable(driver.instance(n).getId(), "spotCheckSelected"))) {
            assertThat(driver.task(n, "Task_SpotCheck").getDueDate()).isEqualTo(endOf(countyDue));
            at("2026-04-01T10:00:00");
            driver.complete(REVIEWER1, n, "Task_SpotCheck", Map.of("spotCheckResult", "confirmed"));
        }
        assertThat(driver.task(n, "Task_CountyDecision").getDueDate()).as("no separate 10 days on top")
                .isEqualTo(endOf(countyDue));
    }

    /**
     * 特困 after an objection: its handling within 15 working days, and an upheld objection gives the
     * township's renewed opinion one new 15 from the handling; the whole procedure gets a new opinion and
     * a new notice on top.
     */
    @Test
    void tekunAfterAnUpheldObjectionGetsOneNewFifteen() {
        at("2026-03-02T10:00:00");
        String n = driver.submit(CASEWORKER1, tekun(VILLAGE_A1)).caseNumber();
        driver.accept(n);
        driver.runDataVerification(n);
        Map<String, Object> visit = homeVisit(0, 0);
        visit.put("hasAbleSupporter", false);
        driver.homeVisit(CASEWORKER1, n, visit);
        at("2026-03-12T10:00:00");
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        at("2026-03-13T10:00:00");
        objections.raise(n, "申请人有赡养人", CLERK1, StaffScope.of(List.of("village-" + VILLAGE_A1)));
        // 15 working days from 13 March
        assertThat(driver.task(n, "Task_HandleObjection").getDueDate()).isEqualTo(endOf("2026-04-03"));
        // township 15 (23 Mar) + notice (30 Mar) + new opinion 15 (21 Apr) + notice (28 Apr) + county 15
        assertThat(procedureTimer(n).getDuedate()).isEqualTo(endOf("2026-05-21"));

        at("2026-03-16T10:00:00");
        driver.complete(CASEWORKER1, n, "Task_HandleObjection",
                Map.of("objectionUpheld", true, "objectionFindings", "经入户核实，异议成立"));
        if (driver.openTasks(n).stream().noneMatch(t -> t.getTaskDefinitionKey().equals("Task_TownshipReview"))) {
            // the model sends an upheld objection back to the investigation first: it must start within 3
            // working days of the handling
            at("2026-03-18T10:00:00");
            driver.runDataVerification(n);
            assertThat(driver.task(n, "Task_HomeVisit").getDueDate()).isEqualTo(endOf("2026-03-19"));
            driver.homeVisit(CASEWORKER1, n, visit);
        }
        // one new 15 from 16 March (Qingming 4–6 April off)
        assertThat(driver.task(n, "Task_TownshipReview").getDueDate()).isEqualTo(endOf("2026-04-07"));
    }

    @Test
    void anObjectionExtendsTheProcedureWithItsReason() {
        at("2026-03-02T10:00:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.investigate(n, homeVisit(600, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        objections.raise(n, "有异议", CLERK1, StaffScope.of(List.of("village-" + VILLAGE_A1)));
        AssistanceCase c = cases.findByCaseNumber(n).orElseThrow();
        assertThat(c.procedureExtendedReason()).isEqualTo("公示期间有异议");
        // 45 working days from 2 March: Qingming 4–6 Apr and Labour Day 1–5 May off, Sat 9 May worked
        assertThat(procedureTimer(n).getDuedate()).isEqualTo(endOf("2026-05-08"));
    }

    @Test
    void theTownshipRecordsASpecialCircumstanceWithItsReason() {
        at("2026-03-02T10:00:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.investigate(n, homeVisit(600, 0));
        assertThat(procedureTimer(n).getDuedate()).isEqualTo(endOf("2026-04-14")); // 30 wd

        Map<String, Object> without = new HashMap<>(Map.of("townshipDecision", "approve", "townshipOpinion", "同意",
                "specialCircumstance", "hard-investigation"));
        assertThatThrownBy(() -> driver.complete(CASEWORKER1, n, "Task_TownshipReview", without))
                .hasMessageContaining("specialCircumstanceReason");
        Map<String, Object> wrong = new HashMap<>(without);
        wrong.put("specialCircumstance", "bored");
        wrong.put("specialCircumstanceReason", "x");
        assertThatThrownBy(() -> driver.complete(CASEWORKER1, n, "Task_TownshipReview", wrong))
                .hasMessageContaining("specialCircumstance");
        assertThat(cases.findByCaseNumber(n).orElseThrow().procedureExtended()).isFalse();

        Map<String, Object> with = new HashMap<>(without);
        with.put("specialCircumstanceReason", "申请人长期在外务工，需异地协查");
        driver.complete(CASEWORKER1, n, "Task_TownshipReview", with);
        AssistanceCase c = cases.findByCaseNumber(n).orElseThrow();
        assertThat(c.procedureExtendedReason()).isEqualTo("调查核实困难：申请人长期在外务工，需异地协查");
        assertThat(procedureTimer(n).getDuedate()).isEqualTo(endOf("2026-05-08")); // 45 wd
    }

    /** Through the engine's REST API, as Tasklist submits the township's form. */
    @Test
    void aSpecialCircumstanceOverTheEngineApiNeedsItsReason() throws Exception {
        at("2026-03-02T10:00:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.investigate(n, homeVisit(600, 0));
        String taskId = driver.task(n, "Task_TownshipReview").getId();
        Map<String, Object> vars = new HashMap<>(Map.of("townshipDecision", Map.of("value", "approve"),
                "townshipOpinion", Map.of("value", "同意"), "specialCircumstance", Map.of("value", "residence-elsewhere")));
        ResponseEntity<String> refused = complete(taskId, vars);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("specialCircumstanceReason");
        assertThat(cases.findByCaseNumber(n).orElseThrow().procedureExtended()).isFalse();

        vars.put("specialCircumstanceReason", Map.of("value", "户籍在本村，常年居住在县城"));
        ResponseEntity<String> done = complete(taskId, vars);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(cases.findByCaseNumber(n).orElseThrow().procedureExtendedReason())
                .isEqualTo("户籍与居住地不一致：户籍在本村，常年居住在县城");
        assertThat(procedureTimer(n).getDuedate()).isEqualTo(endOf("2026-05-08")); // 45 wd
    }

    @Autowired
    TestRestTemplate http;

    private ResponseEntity<String> complete(String taskId, Map<String, Object> variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(CASEWORKER1, PASSWORD).exchange("/engine-rest/task/" + taskId + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), headers), String.class);
    }

    @Test
    void anExpenditureCasePastItsWholePathGoesToTheCountySupervisors() {
        at("2026-03-02T10:00:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.temporary(VILLAGE_A1, "EXPENDITURE", "MEDICAL_EXPENSE", "2000"))
                .caseNumber();
        driver.accept(n);
        Job timer = procedureTimer(n);
        assertThat(timer.getDuedate()).isEqualTo(endOf("2026-03-23"));
        at("2026-03-24T08:00:00");
        engine.getManagementService().executeJob(timer.getId());
        assertThat(notifications.findTop100ByGroupIdInOrderByIdDesc(List.of("supervisor-county-" + COUNTY_A)))
                .anyMatch(x -> x.kind().equals("PROCEDURE_BREACHED") && x.message().contains(n));
    }

    @Test
    void anEmergencyGrantHasNoWholePathEscalation() {
        at("2026-03-02T10:00:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.temporary(VILLAGE_A1, "EMERGENCY", "FIRE", "2000"))
                .caseNumber();
        driver.accept(n);
        at("2026-03-24T08:00:00");
        engine.getManagementService().executeJob(procedureTimer(n).getId());
        assertThat(escalations.findByCaseIdOrderById(cases.findByCaseNumber(n).orElseThrow().id()))
                .extracting(EscalationRecord::level).doesNotContain(EscalationRecord.PROCEDURE);
    }

    private Job procedureTimer(String caseNumber) {
        List<Job> jobs = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .list().stream()
                .flatMap(pi -> engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                        .activityId("Timer_ProcedureLimit").list().stream())
                .toList();
        assertThat(jobs).as("procedure timer of %s", caseNumber).hasSize(1);
        return jobs.get(0);
    }

    private List<Date> timeoutsOf(Task task) {
        return engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(task.getTaskDefinitionKey()).timers().orderByJobDuedate().asc().list().stream()
                .map(Job::getDuedate).toList();
    }
}
