package org.doudi.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
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
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.cases.CaseQueries;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.TimelineEntry;
import org.doudi.region.StaffScope;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * The written notice of a rejection, with its reasons, goes out through the township within 3 working days
 * of the decision (《最低生活保障审核确认办法》 2021): {@code Task_DeliverRejectionNotice}, for a rejection at
 * the township review and at the county's decision alike. The case is REJECTED from the decision on.
 */
@IntegrationTest
class RejectionNoticeProcessTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final String TASK = "Task_DeliverRejectionNotice";

    @Autowired
    CaseDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseQueries queries;
    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(CST).toInstant()));
    }

    private static Date endOf(String day) {
        return Date.from(WorkingDayCalendar.endOf(LocalDate.parse(day)));
    }

    /**
     * An ineligible household, rejected at the township review at a moment: applied nine days before, so
     * that the applicant's period to object to the verification result (7 days) is over by then.
     */
    private String rejectedAtTownshipOn(String when) {
        at(LocalDateTime.parse(when).minusDays(9).toString());
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.investigate(n, homeVisit(5000, 0));
        driver.letVerificationObjectionPeriodRunOut(n);
        at(when);
        driver.townshipReview(CASEWORKER1, n, "reject", "家庭人均收入高于低保标准");
        return n;
    }

    private List<TimelineEntry> timeline(String caseNumber) {
        return queries.details(caseNumber, StaffScope.of(List.of("county-" + COUNTY_A))).timeline();
    }

    @ParameterizedTest(name = "rejected {0} → delivered by the end of {1}, county supervisors after {2}")
    @CsvSource({
            // 3 working days, the day of the decision not counted (official 2026 schedule)
            "2026-09-30T10:00, 2026-10-10, 2026-10-14", // National Day, then Saturday 10 October is a make-up day
            "2026-03-02T10:00, 2026-03-05, 2026-03-10", // Monday: Thursday; level 2 three working days later
            "2026-02-13T10:00, 2026-02-25, 2026-02-28", // Friday before the Spring Festival: Sat 14 (make-up), 24, 25
    })
    void theTownshipDeliversTheNoticeWithinThreeWorkingDaysOfARejectionAtTheTownshipReview(String rejected,
            String due, String level2) {
        String n = rejectedAtTownshipOn(rejected);

        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);
        assertThat(driver.instance(n)).hasPassed("Task_SendRejectionNotice").isWaitingAt(TASK);
        Task task = driver.task(n, TASK);
        assertThat(task).hasCandidateGroup("township-" + TOWNSHIP_A1);
        assertThat(task.getName()).isEqualTo("送达不予批准告知书");
        assertThat(task.getDueDate()).isEqualTo(endOf(due));
        List<Job> timeouts = engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(TASK).timers().orderByJobDuedate().asc().list();
        assertThat(timeouts).extracting(Job::getDuedate).containsExactly(endOf(due), endOf(level2));
    }

    @Test
    void anOverdueDeliveryEscalatesThenTheDeliveryIsRecorded() {
        String n = rejectedAtTownshipOn("2026-03-02T10:00");
        at("2026-03-05T18:00");
        assertThat(driver.fireDueTimers(n)).isZero();
        at("2026-03-06T08:00");
        assertThat(driver.fireDueTimers(n)).isEqualTo(1);
        assertThat(driver.task(n, TASK)).hasCandidateGroup("supervisor-township-" + TOWNSHIP_A1);
        at("2026-03-11T08:00");
        assertThat(driver.fireDueTimers(n)).isEqualTo(1);
        assertThat(driver.task(n, TASK)).hasCandidateGroup("supervisor-county-" + COUNTY_A);
        assertThat(timeline(n)).filteredOn(e -> e.step().name().equals("ESCALATION")).hasSize(2);

        driver.complete(CASEWORKER1, n, TASK, Map.of("noticeDeliveredOn", "2026-03-09", "deliveryMethod", "邮寄送达",
                "deliveryNotes", "挂号信 XA123"));
        assertThat(driver.instance(n)).isEnded();
        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);
        assertThat(timeline(n)).filteredOn(e -> e.step().name().equals("REJECTION_NOTICE_DELIVERED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(CASEWORKER1);
                    assertThat(e.detail()).contains("2026-03-09").contains("邮寄送达").contains("挂号信");
                });
    }

    @Test
    void aRejectionByTheCountyIsDeliveredByTheTownshipToo() {
        at("2026-03-02T10:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 3)).caseNumber();
        driver.investigate(n, homeVisit(1100, 100));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.letNoticeRunOut(n); // Tuesday 10 March, just after midnight
        driver.decide(REVIEWER1, n, "reject", "入户核实存在隐瞒收入");

        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);
        Task task = driver.task(n, TASK);
        assertThat(task).hasCandidateGroup("township-" + TOWNSHIP_A1);
        assertThat(task.getDueDate()).isEqualTo(endOf("2026-03-13"));
        assertThat(timeline(n)).filteredOn(e -> e.step().name().equals("REJECTION_NOTICE")).extracting(e -> e.actor())
                .containsExactly(REVIEWER1);
        driver.deliverRejectionNotice(CASEWORKER1, n, "2026-03-10");
        assertThat(driver.instance(n)).isEnded();
        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);
    }

    @Test
    void aDeliveryStepStartedByAnOperatorOnACaseWithoutARejectionRecordsNothing() {
        at("2026-03-02T10:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 3)).caseNumber();
        driver.investigate(n, homeVisit(1100, 100));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        engine.getRuntimeService().createProcessInstanceModification(driver.instance(n).getId())
                .startBeforeActivity(TASK).execute();

        assertThatThrownBy(() -> driver.deliverRejectionNotice(CASEWORKER1, n, "2026-03-02"))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("没有不予批准决定");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        assertThat(timeline(n)).noneMatch(e -> e.step().name().equals("REJECTION_NOTICE_DELIVERED"));
    }

    // --- through /engine-rest, as Tasklist and integrators complete it ---------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no day                 |            | 直接送达      |          | 送达日期",
            "not a day              | 2026-13-45 | 直接送达      |          | 送达日期",
            "written another way    | 2026/03/04 | 直接送达      |          | 送达日期",
            "in the future          | 2026-03-05 | 直接送达      |          | 不能晚于今天",
            "before the decision    | 2026-03-01 | 直接送达      |          | 不能早于不予批准决定之日",
            "unknown method         | 2026-03-03 | 快递          |          | 送达方式",
            "no method              | 2026-03-03 |               |          | 送达方式",
            "other without a word   | 2026-03-03 | 其他方式      |          | 送达情况说明",
    })
    void aBadDeliveryIsRefusedWithTheFieldNamedAndChangesNothing(String row, String day, String method,
            String notes, String named) {
        String n = rejectedAtTownshipOn("2026-03-02T10:00");
        at("2026-03-04T10:00");
        Map<String, Object> variables = new HashMap<>();
        if (day != null) {
            variables.put("noticeDeliveredOn", Map.of("value", day));
        }
        if (method != null) {
            variables.put("deliveryMethod", Map.of("value", method));
        }
        if (notes != null) {
            variables.put("deliveryNotes", Map.of("value", notes));
        }
        ResponseEntity<String> r = complete(n, variables);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains(named);
        assertThat(driver.instance(n)).isWaitingAt(TASK);
        assertThat(timeline(n)).noneMatch(e -> e.step().name().equals("REJECTION_NOTICE_DELIVERED"));
    }

    @Test
    void aFieldTheFormDoesNotHaveIsRefusedAndAGoodDeliveryIsTaken() {
        String n = rejectedAtTownshipOn("2026-03-02T10:00");
        at("2026-03-04T10:00");
        Map<String, Object> good = new HashMap<>(Map.of("noticeDeliveredOn", Map.of("value", "2026-03-03"),
                "deliveryMethod", Map.of("value", "委托村委会送达")));
        Map<String, Object> forged = new HashMap<>(good);
        forged.put("caseNumber", Map.of("value", "DB-2026-130102100-000001"));
        ResponseEntity<String> refused = complete(n, forged);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("caseNumber");
        assertThat(driver.instance(n)).isWaitingAt(TASK);

        ResponseEntity<String> other = completeAs(CASEWORKER2, driver.task(n, TASK).getId(), good);
        assertThat(other.getStatusCode().is2xxSuccessful()).as("another township's caseworker").isFalse();
        assertThat(driver.instance(n)).isWaitingAt(TASK);

        ResponseEntity<String> r = complete(n, good);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(driver.instance(n)).isEnded();
        assertThat(timeline(n)).filteredOn(e -> e.step().name().equals("REJECTION_NOTICE_DELIVERED"))
                .extracting(TimelineEntry::detail).singleElement().asString().contains("2026-03-03 委托村委会送达");
    }

    private ResponseEntity<String> complete(String caseNumber, Map<String, Object> variables) {
        return completeAs(CASEWORKER1, driver.task(caseNumber, TASK).getId(), variables);
    }

    private ResponseEntity<String> completeAs(String user, String taskId, Map<String, Object> variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables), headers), String.class);
    }
}
