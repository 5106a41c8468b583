package org.doudi.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.CaseDriver.member;
import static org.doudi.test.Demo.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.ApprovedBenefit;
import org.doudi.cases.ApprovedBenefitRepository;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestSources.FlakySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 特困, 单人户, delegated approval, tasks that come round again, tampered variables and a failing data source. */
@IntegrationTest
class SpecialPathsProcessTest {

    @Autowired
    CaseDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ApprovedBenefitRepository enrolments;
    @Autowired
    CaseRepository cases;
    @Autowired
    FlakySource flakySource;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        flakySource.failNext(0);
    }

    @Test
    void tekunForAnElderlyPersonWithoutSupporterGetsBasicStandardPlusCareForHisLevel() {
        ApplicationForm form = new ApplicationForm("TEKUN", null, VILLAGE_A1,
                new ApplicationForm.Applicant("五保老人", ResidentIds.ofAge(78), null), List.of(), "无劳动能力、无生活来源",
                null);
        AssistanceCase c = driver.submit(CASEWORKER1, form);
        String n = c.caseNumber();
        driver.accept(n);
        driver.runDataVerification(n);
        Map<String, Object> visit = homeVisit(0, 0);
        visit.put("hasAbleSupporter", false);
        visit.put("canBathe", false);
        visit.put("canWalkIndoors", false);
        visit.put("wantsCentralisedCare", true);
        driver.homeVisit(CASEWORKER1, n, visit);
        Object eligibility = engine.getRuntimeService().getVariable(driver.instance(n).getId(), "eligibility");
        assertThat(eligibility).isEqualTo("ELIGIBLE");
        assertThat(engine.getRuntimeService().getVariable(driver.instance(n).getId(), "careLevel")).isEqualTo("PARTIAL");

        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.letNoticeRunOut(n);
        // 特困 always passes the county's spot-check draw; the first case of the county is always drawn
        assertThat(driver.instance(n)).hasPassed("Task_SelectSpotCheck");
        if (Boolean.TRUE.equals(engine.getRuntimeService().getVariable(driver.instance(n).getId(), "spotCheckSelected"))) {
            assertThat(driver.task(n, "Task_SpotCheck")).hasCandidateGroup("county-" + COUNTY_A);
            driver.complete(REVIEWER1, n, "Task_SpotCheck", Map.of("spotCheckResult", "confirmed"));
        }
        driver.decide(REVIEWER1, n, "approve", null);

        assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);
        ApprovedBenefit e = enrolments.findByCaseId(c.id()).orElseThrow();
        assertThat(e.monthlyAmount()).isEqualByComparingTo("1080.00"); // 780 basic + 300 partial care
        assertThat(e.careLevel()).isEqualTo("PARTIAL");
        assertThat(e.supportMode()).isEqualTo("CENTRALISED");
        assertThat(e.unit()).isEqualTo(ApprovedBenefit.Unit.PERSON);
    }

    @Test
    void tekunRefusedWhenAnAbleSupporterExists() {
        ApplicationForm form = new ApplicationForm("TEKUN", null, VILLAGE_A1,
                new ApplicationForm.Applicant("老人", ResidentIds.ofAge(70), null),
                List.of(member("儿子", ResidentIds.ofAge(40), "CHILD")), "生活困难", null);
        String n = driver.submit(CASEWORKER1, form).caseNumber();
        driver.investigate(n, homeVisit(0, 0)); // supporter judged from the household: an able son
        driver.letVerificationObjectionPeriodRunOut(n); // told, no objection: the result reaches the township
        assertThat(engine.getRuntimeService().getVariable(driver.instance(n).getId(), "eligibility"))
                .isEqualTo("INELIGIBLE_SUPPORTER");
    }

    @Test
    void severelyDisabledMemberOfAFamilyNearTheLineIsEnrolledAlone() {
        ApplicationForm.Member disabled = new ApplicationForm.Member("重残儿子", ResidentIds.ofAge(20), "CHILD", 1,
                "PHYSICAL", false, null);
        ApplicationForm form = new ApplicationForm("DIBAO", null, VILLAGE_A1,
                new ApplicationForm.Applicant("父亲", ResidentIds.ofAge(50), null),
                List.of(member("母亲", ResidentIds.ofAge(48), "SPOUSE"), disabled), "儿子一级残疾", null);
        AssistanceCase c = driver.submit(CASEWORKER1, form);
        String n = c.caseNumber();
        // 2 100 for 3 people: 700 per capita, over 600 but under 1.5 × 600 = 900
        driver.investigate(n, homeVisit(2100, 0));
        assertThat(engine.getRuntimeService().getVariable(driver.instance(n).getId(), "eligibility"))
                .isEqualTo("ELIGIBLE_SINGLE_PERSON");
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.letNoticeRunOut(n);
        driver.decide(REVIEWER1, n, "approve", null);

        ApprovedBenefit e = enrolments.findByCaseId(c.id()).orElseThrow();
        assertThat(e.unit()).isEqualTo(ApprovedBenefit.Unit.SINGLE_PERSON);
        assertThat(e.persons()).isEqualTo(1);
        assertThat(e.monthlyAmount()).isEqualByComparingTo("600.00");
    }

    @Test
    void delegatedCountyLetsTheTownshipDecideAndSpotChecksAtLeastThirtyPercent() {
        int drawn = 0;
        int decided = 0;
        for (int i = 0; i < 4; i++) {
            AssistanceCase c = driver.submit(CASEWORKER9, CaseDriver.dibao(VILLAGE_B1, 2));
            String n = c.caseNumber();
            assertThat(c.approvalDelegated()).isTrue();
            driver.complete(CASEWORKER9, n, "Task_AcceptApplication", Map.of("accepted", true));
            driver.runDataVerification(n);
            driver.homeVisit(CASEWORKER9, n, homeVisit(600, 0));
            driver.townshipReview(CASEWORKER9, n, "approve", null);
            driver.letNoticeRunOut(n);
            assertThat(driver.task(n, "Task_CountyDecision")).hasCandidateGroup("township-" + TOWNSHIP_B1);
            driver.decide(CASEWORKER9, n, "approve", null);
            assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);
            decided++;
            if (Boolean.TRUE.equals(engine.getHistoryService().createHistoricVariableInstanceQuery()
                    .processInstanceId(driver.instance(n).getId()).variableName("spotCheckSelected").singleResult()
                    .getValue())) {
                drawn++;
                assertThat(driver.task(n, "Task_DelegatedSpotCheck")).hasCandidateGroup("county-" + COUNTY_B);
                driver.complete(REVIEWER9, n, "Task_DelegatedSpotCheck",
                        Map.of("spotCheckResult", "irregular", "spotCheckNotes", "家庭收入登记不全"));
            }
            assertThat(driver.instance(n)).isEnded();
        }
        assertThat(drawn).isGreaterThanOrEqualTo((int) Math.ceil(0.3 * decided));
    }

    @Test
    void aTaskComingRoundAgainStartsBlankAndCarriesTheCaseForTasklist() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.investigate(n, homeVisit(600, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", "同意");
        driver.letNoticeRunOut(n);
        driver.decide(REVIEWER1, n, "return", "补充材料");

        String review = driver.task(n, "Task_TownshipReview").getId();
        var tasks = engine.getTaskService();
        assertThat(tasks.getVariable(review, "townshipDecision")).as("last round's answer").isNull();
        assertThat(tasks.getVariable(review, "townshipOpinion")).isNull();
        assertThat(tasks.getVariable(review, "countyOpinion")).as("why it came back").isEqualTo("补充材料");
        assertThat(tasks.getVariablesLocal(review)).containsEntry("caseNumber", n).containsKeys("applicantName",
                "villageCode");
    }

    @Test
    void aSecondHomeVisitAfterAnObjectionToTheVerificationResultStartsFromAnEmptyReport() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.investigate(n, homeVisit(100000, 0)); // ineligible: the applicant is told and may object
        verificationObjections.object(n, "家庭成员已失业，收入减少", null, CASEWORKER1,
                org.doudi.region.StaffScope.of(List.of("township-" + TOWNSHIP_A1)));
        driver.runDataVerification(n);

        String visit = driver.task(n, "Task_HomeVisit").getId();
        var tasks = engine.getTaskService();
        assertThat(tasks.getVariable(visit, "wageIncome")).as("the first visit's figure").isNull();
        assertThat(tasks.getVariable(visit, "assetsWithinLimit")).isNull();
        assertThat(tasks.getVariable(visit, "visitNotes")).isNull();
        assertThat(tasks.getVariablesLocal(visit)).containsEntry("caseNumber", n);
    }

    @Autowired
    org.doudi.verification.VerificationObjections verificationObjections;

    @Test
    void submittedVariablesCannotRerouteTheCaseOrShortenTheNotice() {
        AssistanceCase c = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2));
        String n = c.caseNumber();
        driver.investigate(n, homeVisit(600, 0));
        Map<String, Object> tampered = new HashMap<>();
        tampered.put("townshipDecision", "approve");
        tampered.put("decisionGroup", "township-" + TOWNSHIP_A1);
        tampered.put("programme", "TEKUN");
        tampered.put("approvalDelegated", true);
        driver.complete(CASEWORKER1, n, "Task_TownshipReview", tampered);
        engine.getRuntimeService().setVariable(driver.instance(n).getId(), "noticeEndsAt", new java.util.Date());
        raiseAndDismissObjection(n); // a new opinion and a new notice re-arm the notice timer from the case
        driver.townshipReview(CASEWORKER1, n, "approve", null);

        Job timer = engine.getManagementService().createJobQuery().processInstanceId(driver.instance(n).getId())
                .timers().activityId("Timer_NoticeEnds").singleResult();
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(cases.findByCaseNumber(n).orElseThrow().noticeEndsAt());
        driver.letNoticeRunOut(n);
        assertThat(driver.instance(n)).hasNotPassed("Task_SelectSpotCheck");
        assertThat(driver.task(n, "Task_CountyDecision")).hasCandidateGroup("county-" + COUNTY_A);
    }

    @Autowired
    org.doudi.review.Objections objections;

    private void raiseAndDismissObjection(String caseNumber) {
        objections.raise(caseNumber, "异议", CLERK1, org.doudi.region.StaffScope.of(List.of("village-" + VILLAGE_A1)));
        driver.complete(CASEWORKER1, caseNumber, "Task_HandleObjection", Map.of("objectionUpheld", false));
    }

    @Test
    void failingDataSourceRetriesThenRaisesAnIncidentThatAnOperatorRetries() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.accept(n);
        flakySource.failNext(3);
        Job job = driver.jobsOf(n).get(0);
        var management = engine.getManagementService();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                management.executeJob(job.getId());
            } catch (IllegalStateException expected) {
                // the register is down
            }
        }
        Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isZero();
        List<Incident> incidents = engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(failed.getProcessInstanceId()).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getActivityId()).isEqualTo("Task_DataVerification");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.INVESTIGATION);

        // The register is back; the operator retries from Cockpit.
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(failed.getProcessInstanceId())
                .count()).isZero();
        assertThat(driver.task(n, "Task_HomeVisit")).isNotNull();
    }
}
