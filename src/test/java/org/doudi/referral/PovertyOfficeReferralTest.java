package org.doudi.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.AssistanceCase;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestTownships;
import org.doudi.verification.RegistryCategory;
import org.doudi.verification.RegistryRecord;
import org.doudi.verification.RegistryRecordRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Each trigger of a referral to the poverty office, its routing and its answer. */
@IntegrationTest
class PovertyOfficeReferralTest {

    @Autowired
    CaseDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RegistryRecordRepository registry;
    @Autowired
    TestTownships townships;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private String rejectedAtTownship(ApplicationForm form, Map<String, Object> visit) {
        String n = driver.submit(CASEWORKER1, form).caseNumber();
        driver.investigate(n, visit);
        driver.letVerificationObjectionPeriodRunOut(n); // ineligible: told, no objection
        driver.townshipReview(CASEWORKER1, n, "reject", "人均收入高于低保标准");
        return n;
    }

    private JsonNode referrals(String user, String region) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD).getForEntity("/api/referrals?region=" + region,
                String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    private JsonNode referralOf(String user, String region, String caseNumber) throws Exception {
        for (JsonNode r : referrals(user, region)) {
            if (r.path("caseNumber").asText().equals(caseNumber)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void aHouseholdRefusedForIncomeButUnderThePovertyLineIsReferredAndTheOfficeAnswers() throws Exception {
        // 1 500 for 2 people: 750 per capita, over the 600 standard, under the 900 referral line
        String n = rejectedAtTownship(CaseDriver.dibao(VILLAGE_A1, 2), homeVisit(1500, 0));

        assertThat(driver.instance(n, "PovertyOfficeReferral")).isWaitingAt("Task_PovertyOfficeHandling");
        assertThat(driver.task(n, "Task_PovertyOfficeHandling")).hasCandidateGroup("poverty-office-" + COUNTY_A);
        JsonNode referral = referralOf(POVERTY1, COUNTY_A, n);
        assertThat(referral.path("trigger").asText()).isEqualTo("REJECTED_UNDER_POVERTY_LINE");
        assertThat(referral.path("status").asText()).isEqualTo("OPEN");
        assertThat(http.withBasicAuth(POVERTY1, PASSWORD).getForEntity("/api/cases/" + n, String.class)
                .getStatusCode()).as("the poverty office sees the referred case").isEqualTo(HttpStatus.OK);

        driver.complete(POVERTY1, n, "Task_PovertyOfficeHandling",
                Map.of("referralOutcome", "assisted", "measures", "纳入防返贫监测，安排公益性岗位"));

        JsonNode answered = referralOf(POVERTY1, COUNTY_A, n);
        assertThat(answered.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(answered.path("outcome").asText()).isEqualTo("assisted");
        assertThat(answered.path("answeredBy").asText()).isEqualTo(POVERTY1);
        JsonNode c = json.readTree(http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity("/api/cases/" + n,
                String.class).getBody());
        assertThat(c.path("timeline").findValuesAsText("step")).contains("REJECTION_NOTICE", "REFERRAL",
                "REFERRAL_ANSWERED");
        assertThat(referralOf(CASEWORKER1, TOWNSHIP_A1, n)).isNotNull();
    }

    @Test
    void aHouseholdInThePovertyRegistryIsReferredWhateverItsIncome() {
        String id = ResidentIds.ofAge(50);
        registry.save(new RegistryRecord(id, RegistryCategory.POVERTY_REGISTRY, "防返贫监测对象", null, "test",
                Instant.now()));
        ApplicationForm form = new ApplicationForm("DIBAO", null, VILLAGE_A1,
                new ApplicationForm.Applicant("监测户", id, null), List.of(), "收入不稳定", null);
        String n = rejectedAtTownship(form, homeVisit(3000, 0));
        assertThat(driver.task(n, "Task_PovertyOfficeHandling")).isNotNull();
    }

    @Test
    void aHouseholdWellAboveTheLineIsNotReferred() {
        String n = rejectedAtTownship(CaseDriver.dibao(VILLAGE_A1, 2), homeVisit(4000, 0));
        // only the delivery of the rejection notice is open: no referral
        assertThat(driver.openTasks(n)).extracting(t -> t.getTaskDefinitionKey())
                .containsExactly("Task_DeliverRejectionNotice");
    }

    @Test
    void theTownshipReviewerMayReferAnyHousehold() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 3)).caseNumber();
        driver.investigate(n, homeVisit(900, 0));
        driver.complete(CASEWORKER1, n, "Task_TownshipReview", Map.of("townshipDecision", "approve",
                "townshipOpinion", "符合低保，另有产业帮扶需求", "referToPovertyOffice", true));

        assertThat(driver.task(n, "Task_PovertyOfficeHandling")).isNotNull();
        assertThat(driver.instance(n)).isWaitingAt("Gateway_AwaitNotice");
    }

    @Test
    void aTemporaryCaseIsReferredFromItsFollowUp() throws Exception {
        TestTownships.Township t = townships.withFund("5000.00");
        AssistanceCase c = driver.submit(t.caseworker(), CaseDriver.temporary(t.village(), "EMERGENCY", "FIRE", null));
        String n = c.caseNumber();
        driver.accept(t.caseworker(), n);
        driver.complete(t.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", new BigDecimal("1000")));
        driver.complete(t.caseworker(), n, "Task_CompletePaperwork", Map.of("paperworkComplete", true));
        var timer = engine.getManagementService().createJobQuery()
                .processInstanceId(driver.instance(n, "TemporaryAssistance").getId()).timers().activityId("Timer_FollowUp").singleResult();
        engine.getManagementService().executeJob(timer.getId());
        driver.complete(t.caseworker(), n, "Task_FollowUpCheck", Map.of("stillInDifficulty", false,
                "referToPovertyOffice", true, "followUpNotes", "需产业帮扶"));

        assertThat(driver.task(n, "Task_PovertyOfficeHandling")).hasCandidateGroup("poverty-office-" + COUNTY_A);
        assertThat(referralOf(POVERTY1, COUNTY_A, n).path("trigger").asText()).isEqualTo("TEMPORARY_FOLLOW_UP");
    }

    @Test
    void referralsAreListedOnlyWithinTheCallersRegion() {
        assertThat(http.withBasicAuth(CASEWORKER9, PASSWORD).getForEntity("/api/referrals?region=" + COUNTY_A,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(POVERTY1, PASSWORD).getForEntity("/api/referrals?region=13010", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
