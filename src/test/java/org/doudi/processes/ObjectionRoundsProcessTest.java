package org.doudi.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doudi.cases.CaseQueries;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.TimelineEntry;
import org.doudi.region.StaffScope;
import org.doudi.review.Objections;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Objections during the public notice (《最低生活保障审核确认办法》 2021): the notice is withdrawn; an upheld
 * objection sends the case back to investigation (verification and a new home visit), a groundless one
 * straight to the township's renewed opinion; an opinion in favour is published again for a new full
 * 7-day notice (calendar days, the posting day not counted), which can receive objections in its turn.
 */
@IntegrationTest
class ObjectionRoundsProcessTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseRepository cases;
    @Autowired
    CaseQueries queries;
    @Autowired
    Objections objections;
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

    private static Instant cst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CST).toInstant();
    }

    /** A household of three under the line, its township's opinion in favour on the given day: under notice. */
    private String underNoticeFrom(String posted) {
        at(posted);
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 3)).caseNumber();
        driver.investigate(n, homeVisit(1100, 100));
        driver.townshipReview(CASEWORKER1, n, "approve", "符合条件");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        return n;
    }

    private void raise(String caseNumber, String text) {
        objections.raise(caseNumber, text, CLERK1, StaffScope.of(List.of("village-" + VILLAGE_A1)));
    }

    private List<Job> noticeTimers(String caseNumber) {
        return engine.getManagementService().createJobQuery().processInstanceId(driver.instance(caseNumber).getId())
                .activityId("Timer_NoticeEnds").timers().list();
    }

    private List<String> steps(String caseNumber) {
        return queries.details(caseNumber, StaffScope.of(List.of("county-" + COUNTY_A))).timeline().stream()
                .map(e -> e.step().name()).toList();
    }

    @ParameterizedTest(name = "posted {0}, objection {1} (upheld: {2}), renewed opinion {3} → new notice ends {4}")
    @CsvSource({
            // the first notice would have ended on 2026-03-10 00:00; the new one runs 7 full days from its posting
            "2026-03-02T10:00, 2026-03-04T09:00, true,  2026-03-06T15:00, 2026-03-14T00:00",
            "2026-03-02T10:00, 2026-03-04T09:00, false, 2026-03-06T15:00, 2026-03-14T00:00",
            // over National Day: calendar days, not working days
            "2026-09-25T10:00, 2026-09-28T09:00, false, 2026-09-30T16:00, 2026-10-08T00:00",
            "2026-09-25T10:00, 2026-09-28T09:00, true,  2026-09-30T16:00, 2026-10-08T00:00",
            // renewed on the last day of the old notice: still a full new notice
            "2026-03-02T10:00, 2026-03-09T20:00, false, 2026-03-09T22:00, 2026-03-17T00:00",
    })
    void anObjectionEndsInARenewedOpinionAndANewFullNotice(String posted, String objected, boolean upheld,
            String renewed, String newEnd) {
        String n = underNoticeFrom(posted);
        Instant firstEnd = cases.require(n).noticeEndsAt();

        at(objected);
        raise(n, "申请人家中有营运车辆");
        driver.complete(CASEWORKER1, n, "Task_HandleObjection",
                Map.of("objectionUpheld", upheld, "objectionFindings", "已重新调查核实"));
        assertThat(cases.require(n).noticeEndsAt()).as("the old notice is withdrawn").isNull();
        assertThat(noticeTimers(n)).as("no timer of the old notice").isEmpty();
        if (upheld) {
            // back to investigation: a new data verification and a new home visit before the new opinion
            assertThat(driver.status(n)).isEqualTo(CaseStatus.INVESTIGATION);
            assertThat(driver.instance(n)).isWaitingAt("Call_ReInvestigation");
            driver.runDataVerification(n);
            assertThat(driver.task(n, "Task_HomeVisit")).hasCandidateGroup("township-" + TOWNSHIP_A1);
            driver.homeVisit(CASEWORKER1, n, homeVisit(1100, 100));
        }
        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);
        assertThat(driver.instance(n)).isWaitingAt("Task_TownshipReview");

        at(renewed);
        driver.townshipReview(CASEWORKER1, n, "approve", "重新审核后仍符合条件");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        Instant expected = cst(newEnd);
        assertThat(cases.require(n).noticeEndsAt()).isEqualTo(expected).isNotEqualTo(firstEnd);
        assertThat(noticeTimers(n)).extracting(j -> j.getDuedate().toInstant()).containsExactly(expected);

        // the old end passes: nothing happens; the new one: the file goes to the county
        ClockUtil.setCurrentTime(Date.from(expected.minusSeconds(60)));
        driver.fireDueTimers(n);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        driver.letNoticeRunOut(n);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.COUNTY_DECISION);
        driver.decide(REVIEWER1, n, "approve", null);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);

        List<String> steps = steps(n);
        assertThat(steps).containsSubsequence("PUBLIC_NOTICE_STARTED", "OBJECTION_RECEIVED", "OBJECTION_HANDLED",
                "PUBLIC_NOTICE_WITHDRAWN", "TOWNSHIP_REVIEW", "PUBLIC_NOTICE_STARTED", "PUBLIC_NOTICE_ENDED",
                "DECISION", "ENROLMENT");
        assertThat(steps.stream().filter("HOME_VISIT"::equals).count()).isEqualTo(upheld ? 2 : 1);
        assertThat(steps.stream().filter("DATA_VERIFICATION"::equals).count()).isEqualTo(upheld ? 2 : 1);
        assertThat(steps.stream().filter("PUBLIC_NOTICE_STARTED"::equals).count()).isEqualTo(2);
    }

    @Test
    void theNewNoticeReceivesObjectionsTooAndEachIsOnTheTimeline() {
        String n = underNoticeFrom("2026-03-02T10:00");
        at("2026-03-03T09:00");
        raise(n, "第一次异议");
        driver.complete(CASEWORKER1, n, "Task_HandleObjection", Map.of("objectionUpheld", false,
                "objectionFindings", "经核实不属实"));
        at("2026-03-04T09:00");
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        assertThat(cases.require(n).noticeEndsAt()).isEqualTo(cst("2026-03-12T00:00"));

        at("2026-03-06T09:00");
        raise(n, "第二次异议");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.OBJECTION_REVIEW);
        assertThat(driver.instance(n)).isWaitingAt("Task_HandleObjection");
        driver.complete(CASEWORKER1, n, "Task_HandleObjection", Map.of("objectionUpheld", true,
                "objectionFindings", "有新的收入来源"));
        driver.runDataVerification(n);
        driver.homeVisit(CASEWORKER1, n, homeVisit(1100, 100));
        at("2026-03-09T09:00");
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        assertThat(cases.require(n).noticeEndsAt()).isEqualTo(cst("2026-03-17T00:00"));

        at("2026-03-10T09:00");
        raise(n, "第三次异议");
        driver.complete(CASEWORKER1, n, "Task_HandleObjection", Map.of("objectionUpheld", false));
        driver.townshipReview(CASEWORKER1, n, "reject", "经民主评议不予批准");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);

        List<String> steps = steps(n);
        assertThat(steps.stream().filter("OBJECTION_RECEIVED"::equals).count()).isEqualTo(3);
        assertThat(steps.stream().filter("OBJECTION_HANDLED"::equals).count()).isEqualTo(3);
        assertThat(steps.stream().filter("PUBLIC_NOTICE_WITHDRAWN"::equals).count()).isEqualTo(3);
        assertThat(steps.stream().filter("PUBLIC_NOTICE_STARTED"::equals).count()).isEqualTo(3);
        var details = queries.details(n, StaffScope.of(List.of("county-" + COUNTY_A)));
        assertThat(details.timeline()).filteredOn(e -> e.step().name().equals("OBJECTION_HANDLED"))
                .extracting(TimelineEntry::outcome).containsExactly("not_upheld", "upheld", "not_upheld");
    }

    @Test
    void anOperatorWhoSkipsTheReInvestigationCannotPostANewNotice() {
        String n = underNoticeFrom("2026-03-02T10:00");
        raise(n, "有营运车辆");
        driver.complete(CASEWORKER1, n, "Task_HandleObjection", Map.of("objectionUpheld", true,
                "objectionFindings", "属实"));
        String pi = driver.instance(n).getId();
        var call = engine.getRuntimeService().getActivityInstance(pi).getActivityInstances("Call_ReInvestigation")[0];
        engine.getRuntimeService().createProcessInstanceModification(pi).cancelActivityInstance(call.getId())
                .startBeforeActivity("Task_TownshipReview").execute();

        assertThatThrownBy(() -> driver.townshipReview(CASEWORKER1, n, "approve", null))
                .hasMessageContaining(n);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.INVESTIGATION);
        assertThat(cases.require(n).noticeEndsAt()).isNull();
        assertThat(driver.instance(n)).isWaitingAt("Task_TownshipReview");
    }

    @Test
    void objectionsOverTheApiAreTakenDuringEachNoticeOnly() {
        String n = underNoticeFrom("2026-03-02T10:00");
        at("2026-03-03T09:00");
        assertThat(postObjection(n, "第一次").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        driver.complete(CASEWORKER1, n, "Task_HandleObjection", Map.of("objectionUpheld", false,
                "objectionFindings", "不属实"));
        ResponseEntity<String> between = postObjection(n, "重新初审期间");
        assertThat(between.getStatusCode()).as(between.getBody()).isEqualTo(HttpStatus.CONFLICT);
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        ResponseEntity<String> second = postObjection(n, "第二次");
        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(driver.instance(n)).isWaitingAt("Task_HandleObjection");
    }

    private ResponseEntity<String> postObjection(String caseNumber, String text) {
        return http.withBasicAuth(CLERK1, PASSWORD).postForEntity("/api/cases/" + caseNumber + "/objections",
                Map.of("text", text), String.class);
    }
}
