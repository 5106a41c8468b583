package org.doudi.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseQueries;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.ApprovedBenefit;
import org.doudi.cases.ApprovedBenefitRepository;
import org.doudi.region.StaffScope;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of AssistanceApplication for 低保, one path per test, on the real engine and database. */
@IntegrationTest
class AssistanceApplicationProcessTest {

    @Autowired
    CaseDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService taskService;
    @Autowired
    ApprovedBenefitRepository enrolments;
    @Autowired
    CaseQueries queries;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private AssistanceCase submitted(int householdSize) {
        return driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, householdSize));
    }

    @Test
    void approvesHouseholdUnderTheStandardAndPaysTheShortfallTimesSizeFromTheNextMonth() {
        AssistanceCase c = submitted(3);
        String n = c.caseNumber();
        assertThat(driver.instance(n)).isWaitingAt("Task_AcceptApplication");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(n).singleResult())
                .hasCandidateGroup("township-" + TOWNSHIP_A1);

        driver.accept(n);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.INVESTIGATION);
        driver.runDataVerification(n);
        // wages 1 100, employment cost 100: counted 1 000 for 3 people, per capita 333.33 < 600
        driver.homeVisit(CASEWORKER1, n, homeVisit(1100, 100));
        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);

        driver.townshipReview(CASEWORKER1, n, "approve", "情况属实");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        assertThat(driver.instance(n)).isWaitingAt("Gateway_AwaitNotice");

        driver.letNoticeRunOut(n);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.COUNTY_DECISION);
        assertThat(driver.task(n, "Task_CountyDecision")).hasCandidateGroup("county-" + COUNTY_A);

        driver.decide(REVIEWER1, n, "approve", null);

        assertThat(driver.instance(n)).isEnded();
        assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);
        ApprovedBenefit e = enrolments.findByCaseId(c.id()).orElseThrow();
        assertThat(e.monthlyAmount()).isEqualByComparingTo("800.00"); // 600 × 3 − 1 000
        assertThat(e.persons()).isEqualTo(3);
        // decided on the engine's (moved) day, in China Standard Time
        YearMonth decided = YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Asia/Shanghai")));
        assertThat(e.benefitStartMonth()).isEqualTo(decided.plusMonths(1).toString());
        var details = queries.details(n, StaffScope.of(List.of("county-" + COUNTY_A)));
        assertThat(details.timeline()).extracting(t -> t.step().name()).containsSubsequence("SUBMITTED",
                "ACCEPTANCE", "DATA_VERIFICATION", "HOME_VISIT", "INCOME_ASSESSMENT", "TOWNSHIP_REVIEW",
                "PUBLIC_NOTICE_STARTED", "PUBLIC_NOTICE_ENDED", "DECISION", "ENROLMENT");
        assertThat(details.decisions()).extracting(d -> d.actor()).containsExactly(CASEWORKER1, CASEWORKER1,
                REVIEWER1);
    }

    @Test
    void theTimelineNamesWhoActedAtEveryStepAndTheApproverForTheEnrolment() {
        String n = approvedByTownshipAndNoticed();
        driver.decide(REVIEWER1, n, "approve", null);

        var timeline = queries.details(n, StaffScope.of(List.of("county-" + COUNTY_A))).timeline();
        Map<String, String> actorOf = new java.util.LinkedHashMap<>();
        timeline.forEach(e -> actorOf.putIfAbsent(e.step().name(), e.actor()));
        assertThat(actorOf).containsEntry("SUBMITTED", CASEWORKER1)
                .containsEntry("ACCEPTANCE", CASEWORKER1)
                .containsEntry("DATA_VERIFICATION", "system") // the system's own work, in a job
                .containsEntry("HOME_VISIT", CASEWORKER1)
                .containsEntry("INCOME_ASSESSMENT", CASEWORKER1) // in the home visit's transaction
                .containsEntry("TOWNSHIP_REVIEW", CASEWORKER1)
                .containsEntry("PUBLIC_NOTICE_STARTED", CASEWORKER1)
                .containsEntry("PUBLIC_NOTICE_ENDED", "system") // its timer
                .containsEntry("DECISION", REVIEWER1)
                .containsEntry("ENROLMENT", REVIEWER1); // a job carrying out the reviewer's decision
    }

    @Test
    void theRejectionNoticeIsSentByWhoeverRejected() {
        String n = approvedByTownshipAndNoticed();
        driver.decide(REVIEWER1, n, "reject", "隐瞒收入");
        assertThat(queries.details(n, StaffScope.of(List.of("county-" + COUNTY_A))).timeline())
                .filteredOn(e -> e.step().name().equals("REJECTION_NOTICE")).extracting(e -> e.actor())
                .containsExactly(REVIEWER1);
    }

    @Test
    void notAcceptedWithOneNoticeOfEverythingMissing() {
        String n = submitted(2).caseNumber();
        driver.complete(CASEWORKER1, n, "Task_AcceptApplication",
                Map.of("accepted", false, "missingMaterials", "户口簿复印件；经济状况核对授权书"));

        assertThat(driver.instance(n)).isEnded().hasPassed("Task_NotifyNotAccepted", "End_NotAccepted");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.NOT_ACCEPTED);
    }

    @Test
    void notAcceptingRequiresTheListOfMissingMaterials() {
        String n = submitted(2).caseNumber();
        assertThatThrownBy(() -> driver.complete(CASEWORKER1, n, "Task_AcceptApplication", Map.of("accepted", false)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("missingMaterials");
        assertThat(driver.instance(n)).isWaitingAt("Task_AcceptApplication");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.SUBMITTED);
    }

    @Test
    void rejectedAtTheTownshipReviewGetsARejectionNoticeThatTheTownshipDelivers() {
        String n = submitted(2).caseNumber();
        driver.investigate(n, homeVisit(5000, 0)); // 2 500 per capita: over the line
        driver.letVerificationObjectionPeriodRunOut(n); // told, no objection
        driver.townshipReview(CASEWORKER1, n, "reject", "人均收入高于低保标准");

        assertThat(driver.instance(n)).hasPassed("Task_SendRejectionNotice").isWaitingAt("Task_DeliverRejectionNotice");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);
        driver.deliverRejectionNotice(CASEWORKER1, n, today());
        assertThat(driver.instance(n)).isEnded().hasPassed("Task_DeliverRejectionNotice");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);
    }

    @Test
    void townshipCannotProposeApprovalOfAnIneligibleHousehold() {
        String n = submitted(2).caseNumber();
        driver.investigate(n, homeVisit(5000, 0));
        driver.letVerificationObjectionPeriodRunOut(n);
        assertThatThrownBy(() -> driver.townshipReview(CASEWORKER1, n, "approve", null))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("INELIGIBLE_INCOME");
        assertThat(driver.instance(n)).isWaitingAt("Task_TownshipReview");
    }

    @Test
    void rejectionNeedsReasons() {
        String n = submitted(2).caseNumber();
        driver.investigate(n, homeVisit(5000, 0));
        driver.letVerificationObjectionPeriodRunOut(n);
        assertThatThrownBy(() -> driver.townshipReview(CASEWORKER1, n, "reject", null))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("townshipOpinion");
    }

    @Test
    void rejectedByTheCounty() {
        String n = approvedByTownshipAndNoticed();
        driver.decide(REVIEWER1, n, "reject", "入户核实存在隐瞒收入");

        assertThat(driver.instance(n)).hasPassed("Task_SendRejectionNotice").isWaitingAt("Task_DeliverRejectionNotice");
        assertThat(driver.task(n, "Task_DeliverRejectionNotice")).hasCandidateGroup("township-" + TOWNSHIP_A1);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);
        driver.deliverRejectionNotice(CASEWORKER1, n, today());
        assertThat(driver.instance(n)).isEnded();
        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);
    }

    @Test
    void returnedByTheCountyThenApprovedAfterANewReviewAndNotice() {
        String n = approvedByTownshipAndNoticed();
        driver.decide(REVIEWER1, n, "return", "请补充就业成本说明");
        assertThat(driver.instance(n)).isWaitingAt("Task_TownshipReview");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);

        driver.townshipReview(CASEWORKER1, n, "approve", "已补充说明");
        driver.letNoticeRunOut(n);
        driver.decide(REVIEWER1, n, "approve", null);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);
    }

    @Test
    void countyMustGiveReasonsToReturnOrReject() {
        String n = approvedByTownshipAndNoticed();
        assertThatThrownBy(() -> driver.decide(REVIEWER1, n, "return", " "))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("countyOpinion");
        assertThatThrownBy(() -> driver.decide(REVIEWER1, n, "maybe", "x"))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("countyDecision");
        assertThat(driver.instance(n)).isWaitingAt("Task_CountyDecision");
    }

    @Test
    void objectionUpheldSendsTheCaseBackToInvestigationAndThenToTheTownshipReview() {
        String n = underNotice();
        raiseObjection(n, "申请人有营运车辆");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.OBJECTION_REVIEW);
        assertThat(driver.instance(n)).isWaitingAt("Task_HandleObjection");

        driver.complete(CASEWORKER1, n, "Task_HandleObjection",
                Map.of("objectionUpheld", true, "objectionFindings", "经核实有车辆，需重新调查"));
        assertThat(driver.status(n)).isEqualTo(CaseStatus.INVESTIGATION);
        assertThat(driver.instance(n)).isWaitingAt("Call_ReInvestigation");
        driver.runDataVerification(n);
        driver.homeVisit(CASEWORKER1, n, homeVisit(5000, 0)); // the car's income: over the line
        driver.letVerificationObjectionPeriodRunOut(n); // the applicant is told and does not object
        assertThat(driver.instance(n)).isWaitingAt("Task_TownshipReview");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);

        driver.townshipReview(CASEWORKER1, n, "reject", "车辆价值超过规定");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);
    }

    @Test
    void objectionNotUpheldEndsInANewOpinionAndANewNotice() {
        String n = underNotice();
        raiseObjection(n, "怀疑有隐瞒收入");
        driver.complete(CASEWORKER1, n, "Task_HandleObjection", Map.of("objectionUpheld", false));

        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);
        assertThat(driver.instance(n)).isWaitingAt("Task_TownshipReview").hasNotPassed("Call_ReInvestigation");
        driver.townshipReview(CASEWORKER1, n, "approve", "异议不成立，维持同意意见");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        driver.letNoticeRunOut(n);
        driver.decide(REVIEWER1, n, "approve", null);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);
    }

    @Test
    void aSecondObjectionWhileTheFirstIsHandledJoinsIt() {
        String n = underNotice();
        raiseObjection(n, "第一条异议");
        raiseObjection(n, "第二条异议");
        Object text = engine.getRuntimeService().getVariable(driver.instance(n).getId(), "objectionText");
        assertThat(text.toString()).contains("第一条异议").contains("第二条异议");
        assertThat(driver.openTasks(n)).hasSize(1);
    }

    @Test
    void caseworkerOfAnotherTownshipNeitherSeesNorCompletesTheTask() {
        String n = submitted(2).caseNumber();
        long seen = driver.as(CASEWORKER2, () -> taskService.createTaskQuery().processInstanceBusinessKey(n)
                .taskCandidateGroup("township-" + TOWNSHIP_A2).count());
        assertThat(seen).isZero();
        boolean authorized = engine.getAuthorizationService().isUserAuthorized(CASEWORKER2,
                List.of("township-" + TOWNSHIP_A2), org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK,
                org.camunda.bpm.engine.authorization.Resources.TASK, driver.task(n, "Task_AcceptApplication").getId());
        assertThat(authorized).isFalse();
        assertThatThrownBy(() -> driver.complete(CASEWORKER2, n, "Task_AcceptApplication", Map.of("accepted", true)))
                .hasMessageContaining("does not have");
        String taskId = driver.task(n, "Task_AcceptApplication").getId();
        assertThatThrownBy(() -> driver.as(CASEWORKER1, () -> {
            taskService.addCandidateGroup(taskId, "township-" + TOWNSHIP_A2);
            return null;
        })).as("a caseworker cannot hand a case to another township").hasMessageContaining("does not have");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.SUBMITTED);
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Today in China Standard Time, on the engine's clock. */
    private static String today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
    }

    private String underNotice() {
        String n = submitted(3).caseNumber();
        driver.investigate(n, homeVisit(1100, 100));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        return n;
    }

    private String approvedByTownshipAndNoticed() {
        String n = underNotice();
        driver.letNoticeRunOut(n);
        return n;
    }

    @Autowired
    org.doudi.review.Objections objections;

    private void raiseObjection(String caseNumber, String text) {
        objections.raise(caseNumber, text, CLERK1, StaffScope.of(List.of("village-" + VILLAGE_A1)));
    }
}
