package org.doudi.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doudi.cases.CaseStatus;
import org.doudi.region.PolicyValues;
import org.doudi.region.StaffScope;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.TestCounties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 民主评议: recorded when the township holds one (on its review, on the handling of an objection, or over
 * {@code POST /api/cases/{n}/appraisals}), listed with the case; a county that requires one refuses the
 * township's approving opinion until one is recorded for the current round.
 */
@IntegrationTest
class AppraisalProcessTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    @Autowired
    CaseDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCounties counties;
    @Autowired
    Objections objections;

    private final ObjectMapper json = new ObjectMapper();

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

    private static Map<String, Object> appraisal(String heldOn) {
        Map<String, Object> m = new HashMap<>();
        m.put("heldOn", heldOn);
        m.put("participants", "镇经办人员王五、村委会主任赵六、村民代表 5 人");
        m.put("participantCount", 7);
        m.put("result", "通过");
        m.put("notes", "同意 6 票，不同意 1 票");
        return m;
    }

    private ResponseEntity<String> post(String user, String caseNumber, Object body) {
        return http.withBasicAuth(user, PASSWORD).postForEntity("/api/cases/" + caseNumber + "/appraisals", body,
                String.class);
    }

    private JsonNode appraisalsOf(String caseNumber) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity("/api/cases/" + caseNumber,
                String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(r.getBody());
        assertThat(body.path("status").isTextual()).as("existing fields stay").isTrue();
        assertThat(body.path("details").path("appraisals")).isEqualTo(body.path("appraisals"));
        return body.path("appraisals");
    }

    private String atTownshipReview(String village, String caseworker) {
        String n = driver.submit(caseworker, CaseDriver.dibao(village, 3)).caseNumber();
        driver.complete(caseworker, n, "Task_AcceptApplication", Map.of("accepted", true));
        driver.runDataVerification(n);
        driver.homeVisit(caseworker, n, homeVisit(1100, 100));
        return n;
    }

    @Test
    void theTownshipRecordsAnAppraisalAndTheCaseListsIt() throws Exception {
        at("2026-03-02T10:00");
        String n = atTownshipReview(VILLAGE_A1, CASEWORKER1);
        assertThat(appraisalsOf(n)).isEmpty();
        at("2026-03-04T10:00");
        ResponseEntity<String> r = post(CASEWORKER1, n, appraisal("2026-03-03"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);

        JsonNode listed = appraisalsOf(n);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("heldOn").asText()).isEqualTo("2026-03-03");
        assertThat(listed.get(0).path("result").asText()).isEqualTo("通过");
        assertThat(listed.get(0).path("participantCount").asInt()).isEqualTo(7);
        assertThat(listed.get(0).path("participants").asText()).contains("村民代表");
        assertThat(listed.get(0).path("recordedBy").asText()).isEqualTo(CASEWORKER1);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);
    }

    @Test
    void onlyTheCasesTownshipRecordsOneAndOnlyWhileItMayHoldOne() {
        at("2026-03-02T10:00");
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 3)).caseNumber();
        assertThat(post(CASEWORKER1, n, appraisal("2026-03-02")).getStatusCode()).as("before acceptance")
                .isEqualTo(HttpStatus.CONFLICT);
        driver.accept(n);
        driver.runDataVerification(n);
        driver.homeVisit(CASEWORKER1, n, homeVisit(1100, 100));
        assertThat(post(CLERK1, n, appraisal("2026-03-02")).getStatusCode()).as("a village clerk")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(REVIEWER1, n, appraisal("2026-03-02")).getStatusCode()).as("the county")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(CASEWORKER2, n, appraisal("2026-03-02")).getStatusCode().is4xxClientError())
                .as("another township").isTrue();
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        ResponseEntity<String> during = post(CASEWORKER1, n, appraisal("2026-03-02"));
        assertThat(during.getStatusCode()).as("during the notice, without an objection").isEqualTo(HttpStatus.CONFLICT);
        objections.raise(n, "有异议", CLERK1, StaffScope.of(List.of("village-" + VILLAGE_A1)));
        assertThat(post(CASEWORKER1, n, appraisal("2026-03-02")).getStatusCode()).as("handling an objection")
                .isEqualTo(HttpStatus.CREATED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no day              | heldOn           |            | 民主评议日期",
            "a day in the future | heldOn           | 2026-03-05 | 民主评议日期",
            "not a day           | heldOn           | 2026-02-30 | 民主评议日期",
            "before applying     | heldOn           | 2026-03-01 | 民主评议日期",
            "nobody took part    | participants     |            | 参加评议人员",
            "no result           | result           |            | 评议结果",
            "another result      | result           | 待定       | 评议结果",
            "a count of nobody   | participantCount | 0          | 参加人数",
            "a field it lacks    | caseNumber       | x          | caseNumber",
    })
    void aBadAppraisalIsRefusedWithTheFieldNamedAndNothingIsRecorded(String row, String field, String value,
            String named) throws Exception {
        at("2026-03-02T10:00");
        String n = atTownshipReview(VILLAGE_A1, CASEWORKER1);
        at("2026-03-04T10:00");
        Map<String, Object> body = appraisal("2026-03-03");
        body.put(field, field.equals("participantCount") ? Integer.valueOf(value) : value);
        ResponseEntity<String> r = post(CASEWORKER1, n, body);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains(named);
        assertThat(appraisalsOf(n)).isEmpty();
    }

    /** A county that requires 民主评议 (its own, so that no other test sees the requirement). */
    private TestCounties.County requiringCounty() {
        PolicyValues a = TestCounties.countyAValues();
        return counties.create(new PolicyValues(a.dibaoStandard(), a.tekunBasicStandard(), a.tekunCareSelf(),
                a.tekunCarePartial(), a.tekunCareFull(), a.singlePersonFactor(), a.approvalDelegated(),
                a.spotCheckRate(), a.townshipCap(), a.townshipCapMultiple(), a.grantsPerCausePerYear(),
                a.disposableIncomeLine(), a.povertyLine(), a.followUpDays(), a.amountRule(), true));
    }

    @Test
    void aCountyThatRequiresAnAppraisalRefusesTheApprovalUntilOneIsRecordedForTheRound() throws Exception {
        TestCounties.County county = requiringCounty();
        at("2026-03-02T10:00");
        String n = atTownshipReview(county.village(), county.caseworker());

        assertThatThrownBy(() -> driver.townshipReview(county.caseworker(), n, "approve", null))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("民主评议")
                .hasMessageContaining("townshipDecision");
        assertThat(driver.instance(n)).isWaitingAt("Task_TownshipReview");
        // recorded in the same submission, on the form
        Map<String, Object> v = new HashMap<>(Map.of("townshipDecision", "approve", "appraisalHeldOn", "2026-03-02",
                "appraisalParticipants", "村民代表 9 人", "appraisalResult", "通过"));
        driver.complete(county.caseworker(), n, "Task_TownshipReview", v);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);

        // a new round after an objection: the last round's appraisal does not count
        at("2026-03-03T10:00");
        objections.raise(n, "有异议", county.caseworker(), StaffScope.of(List.of("township-" + county.township())));
        driver.complete(county.caseworker(), n, "Task_HandleObjection", Map.of("objectionUpheld", false,
                "objectionFindings", "不属实"));
        assertThatThrownBy(() -> driver.townshipReview(county.caseworker(), n, "approve", null))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("民主评议");
        ResponseEntity<String> r = post(county.caseworker(), n, appraisal("2026-03-03"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        driver.townshipReview(county.caseworker(), n, "approve", null);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        assertThat(appraisalsOf2(county, n)).hasSize(2);
    }

    @ParameterizedTest(name = "county requires: {0}, appraisal: {1}, opinion {2} → {3}")
    @CsvSource({
            "false, none,          approve, taken",
            "false, none,          reject,  taken",
            "true,  none,          approve, refused",
            "true,  none,          reject,  taken",
            "true,  on the form,   approve, taken",
            "true,  over the API,  approve, taken",
            "true,  last round,    approve, refused",
    })
    void theTownshipsOpinionAndTheCountysRequirement(boolean required, String appraisal, String decision,
            String outcome) {
        PolicyValues a = TestCounties.countyAValues();
        TestCounties.County county = required ? requiringCounty() : counties.create(a);
        at("2026-03-02T10:00");
        String n = atTownshipReview(county.village(), county.caseworker());
        if (appraisal.equals("last round")) {
            driver.complete(county.caseworker(), n, "Task_TownshipReview", new HashMap<>(Map.of("townshipDecision",
                    "approve", "appraisalHeldOn", "2026-03-02", "appraisalParticipants", "村民代表 9 人",
                    "appraisalResult", "通过")));
            objections.raise(n, "有异议", county.caseworker(),
                    StaffScope.of(List.of("township-" + county.township())));
            driver.complete(county.caseworker(), n, "Task_HandleObjection", Map.of("objectionUpheld", false,
                    "objectionFindings", "不属实"));
        } else if (appraisal.equals("over the API")) {
            assertThat(post(county.caseworker(), n, appraisal("2026-03-02")).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        Map<String, Object> v = new HashMap<>(Map.of("townshipDecision", decision, "townshipOpinion", "意见"));
        if (appraisal.equals("on the form")) {
            v.putAll(Map.of("appraisalHeldOn", "2026-03-02", "appraisalParticipants", "村民代表 9 人",
                    "appraisalResult", "不通过", "appraisalNotes", "同意 4 票，不同意 5 票"));
        }
        if (outcome.equals("refused")) {
            assertThatThrownBy(() -> driver.complete(county.caseworker(), n, "Task_TownshipReview", v))
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("民主评议");
            assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);
        } else {
            driver.complete(county.caseworker(), n, "Task_TownshipReview", v);
            assertThat(driver.status(n)).isEqualTo(decision.equals("approve") ? CaseStatus.PUBLIC_NOTICE
                    : CaseStatus.REJECTED);
        }
    }

    @Test
    void anAppraisalHeldOnAnObjectionCountsForTheRenewedOpinion() {
        TestCounties.County county = requiringCounty();
        at("2026-03-02T10:00");
        String n = atTownshipReview(county.village(), county.caseworker());
        Map<String, Object> first = new HashMap<>(Map.of("townshipDecision", "approve", "appraisalHeldOn",
                "2026-03-02", "appraisalParticipants", "村民代表 9 人", "appraisalResult", "通过"));
        driver.complete(county.caseworker(), n, "Task_TownshipReview", first);
        objections.raise(n, "有异议", county.caseworker(), StaffScope.of(List.of("township-" + county.township())));
        Map<String, Object> handled = new HashMap<>(Map.of("objectionUpheld", false, "objectionFindings",
                "经民主评议，异议不成立", "appraisalHeldOn", "2026-03-02", "appraisalParticipants", "村民代表 11 人",
                "appraisalParticipantCount", 11L, "appraisalResult", "通过", "appraisalNotes", "全票通过"));
        driver.complete(county.caseworker(), n, "Task_HandleObjection", handled);
        driver.townshipReview(county.caseworker(), n, "approve", null);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
    }

    @Test
    void aCountyThatDoesNotRequireOneTakesTheApprovalWithoutAndABadFormAppraisalIsRefused() {
        at("2026-03-02T10:00");
        String n = atTownshipReview(VILLAGE_A1, CASEWORKER1);
        Map<String, Object> bad = new HashMap<>(Map.of("townshipDecision", "approve", "appraisalHeldOn", "2026-03-09",
                "appraisalResult", "通过"));
        assertThatThrownBy(() -> driver.complete(CASEWORKER1, n, "Task_TownshipReview", bad))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("民主评议日期")
                .hasMessageContaining("参加评议人员");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
    }

    @Test
    void theCountysPolicyVersionsCarryTheRequirement() throws Exception {
        TestCounties.County county = counties.create(TestCounties.countyAValues());
        java.time.YearMonth next = java.time.YearMonth.now(CST).plusMonths(1);
        ResponseEntity<String> added = policy(county, "{\"effectiveFrom\":\"" + next + "\",\"appraisalRequired\":true}");
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(added.getBody()).path("appraisalRequired").asBoolean()).isTrue();
        ResponseEntity<String> later = policy(county, "{\"effectiveFrom\":\"" + next.plusMonths(1)
                + "\",\"dibaoStandard\":650}");
        assertThat(json.readTree(later.getBody()).path("appraisalRequired").asBoolean()).as("carried over").isTrue();
        ResponseEntity<String> bad = policy(county, "{\"effectiveFrom\":\"" + next.plusMonths(2)
                + "\",\"appraisalRequired\":\"yes\"}");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("appraisalRequired");
        JsonNode versions = json.readTree(http.withBasicAuth(county.reviewer(), PASSWORD)
                .getForEntity("/api/counties/" + county.code() + "/policies", String.class).getBody()).path("versions");
        assertThat(versions).extracting(v -> v.path("appraisalRequired").asBoolean()).containsExactly(false, true,
                true);
    }

    private ResponseEntity<String> policy(TestCounties.County county, String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return http.withBasicAuth(county.reviewer(), PASSWORD).postForEntity("/api/counties/" + county.code()
                + "/policies", new org.springframework.http.HttpEntity<>(body, headers), String.class);
    }

    private JsonNode appraisalsOf2(TestCounties.County county, String caseNumber) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(county.caseworker(), PASSWORD)
                .getForEntity("/api/cases/" + caseNumber, String.class);
        return json.readTree(r.getBody()).path("appraisals");
    }
}
