package org.doudi.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseQueries;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.ApprovedBenefitRepository;
import org.doudi.cases.StepRefusedException;
import org.doudi.fund.ReserveFunds;
import org.doudi.region.StaffScope;
import org.doudi.temporary.AssistanceGrant;
import org.doudi.temporary.TemporaryGrants;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestTownships;
import org.doudi.test.TestTownships.Township;
import org.doudi.verification.Investigations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The side doors of the engine API, used as an operator could (camunda-admin keeps the whole API and
 * Cockpit): starts before a paying step with another case's number, a second instance for a case,
 * modifications of the bound instance that skip listeners and mappings, a notice ended early, and
 * completions carrying another case's display variables. Each is refused, or ends in an incident that
 * says why, and the case, its grants, the fund ledger, its enrolment and its instances stay as they were.
 */
@IntegrationTest
class SideDoorsProcessTest {

    private static final String OPERATOR = "admin";
    private static final StaffScope ADMIN = StaffScope.of(List.of("camunda-admin"));

    @Autowired
    CaseDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseRepository cases;
    @Autowired
    ApprovedBenefitRepository enrolments;
    @Autowired
    TemporaryGrants grants;
    @Autowired
    ReserveFunds funds;
    @Autowired
    TestTownships townships;
    @Autowired
    Investigations investigations;
    @Autowired
    CaseQueries queries;
    @Autowired
    JdbcTemplate db;
    @Autowired
    org.doudi.review.Objections objections;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // --- starts ---------------------------------------------------------------------------------

    @Test
    void aStartBeforeTheCountyGrantNamingAnotherRegionsCasePaysNothing() {
        AssistanceCase other = driver.submit(CASEWORKER9, CaseDriver.temporary(VILLAGE_B1, "EMERGENCY", "FIRE", null));
        String n = other.caseNumber();
        driver.accept(CASEWORKER9, n);
        Ledger before = ledger(TOWNSHIP_B1);

        for (boolean skip : new boolean[] {false, true}) {
            assertThatThrownBy(() -> driver.as(OPERATOR, () -> engine.getRuntimeService()
                    .createProcessInstanceByKey("TemporaryAssistance").businessKey(n)
                    .setVariable("approvedAmount", 999_999.99)
                    .startBeforeActivity("Task_GrantFromCounty").execute(skip, skip)))
                    .isInstanceOf(StepRefusedException.class).hasMessageContaining(n).hasMessageContaining("已有办理流程");
        }

        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);
        assertThat(grants.grantOf(other)).isEmpty();
        assertThat(ledger(TOWNSHIP_B1)).isEqualTo(before);
        assertOneInstance(n);
        assertThat(driver.task(n, "Task_EmergencyGrant")).isNotNull();
    }

    @Test
    void aStartBeforeTheEndOfTheNoticeOrTheEnrolmentNamingACaseIsRefused() {
        String n = underNotice(VILLAGE_A1);
        for (String step : List.of("Task_EndPublicNotice", "Task_Enrol", "Task_CountyDecision")) {
            assertThatThrownBy(() -> driver.as(CASEWORKER1, () -> engine.getRuntimeService()
                    .createProcessInstanceByKey("AssistanceApplication").businessKey(n)
                    .startBeforeActivity(step).execute(true, true)))
                    .as(step).isInstanceOf(StepRefusedException.class).hasMessageContaining(n);
        }
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        assertThat(enrolments.findByCaseId(cases.require(n).id())).isEmpty();
        assertOneInstance(n);
    }

    @Test
    void aSecondStartForACaseIsRefusedAndTheCaseKeepsItsOneInstance() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        String bound = cases.require(n).processInstanceId();

        assertThatThrownBy(() -> driver.as(OPERATOR,
                () -> engine.getRuntimeService().startProcessInstanceByKey("AssistanceApplication", n)))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining(n).hasMessageContaining(bound);
        assertThatThrownBy(() -> driver.as(OPERATOR,
                () -> engine.getRuntimeService().startProcessInstanceByKey("TemporaryAssistance", n)))
                .as("another programme").isInstanceOf(StepRefusedException.class).hasMessageContaining("不办理");
        assertThat(cases.require(n).processInstanceId()).isEqualTo(bound);
        assertOneInstance(n);
    }

    @Test
    void aStartWithoutACaseIsRefusedAndNeverRepeatsAResidentId() {
        String residentId = ResidentIds.ofAge(40);
        long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("AssistanceApplication").count();
        assertThatThrownBy(() -> driver.as(OPERATOR,
                () -> engine.getRuntimeService().startProcessInstanceByKey("AssistanceApplication")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("业务键");
        assertThatThrownBy(() -> driver.as(OPERATOR, () -> engine.getRuntimeService()
                .startProcessInstanceByKey("AssistanceApplication", "DB-2026-130102100-999999")))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("DB-2026-130102100-999999");
        assertThatThrownBy(() -> driver.as(OPERATOR,
                () -> engine.getRuntimeService().startProcessInstanceByKey("AssistanceApplication", residentId)))
                .isInstanceOf(StepRefusedException.class).hasMessageNotContaining(residentId);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("AssistanceApplication").count()).as("nothing kept").isEqualTo(before);
    }

    @Test
    void theIncomeVerificationAndTheReferralProcessDoNotStartOnTheirOwn() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        assertThatThrownBy(() -> driver.as(OPERATOR, () -> engine.getRuntimeService()
                .createProcessInstanceByKey("IncomeVerification").businessKey(n)
                .startBeforeActivity("Task_RecordEligibility").execute(true, true)))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("IncomeVerification");
        assertThatThrownBy(() -> driver.as(OPERATOR,
                () -> engine.getRuntimeService().startProcessInstanceByKey("PovertyOfficeReferral", n)))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("没有待办的转介");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(n).count())
                .isEqualTo(1);
    }

    // --- modifications of the bound instance ----------------------------------------------------

    @Test
    void anEnrolmentStartedBeforeTheDecisionBecomesAnIncidentAndEnrolsNobody() {
        String n = underNotice(VILLAGE_A1);
        String pi = cases.require(n).processInstanceId();
        driver.as(OPERATOR, () -> {
            engine.getRuntimeService().createProcessInstanceModification(pi).startBeforeActivity("Task_Enrol")
                    .execute(true, true);
            return null;
        });
        Job job = driver.jobAt(n, "Task_Enrol");
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                .hasMessageContaining("不能纳入保障");

        assertIncidentAt(pi, "Task_Enrol", "不能纳入保障");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        assertThat(enrolments.findByCaseId(cases.require(n).id())).isEmpty();
        assertOneInstance(n);
    }

    @Test
    void anEnrolmentWithoutAnApprovalIsRefusedEvenWhenTheCaseAwaitsItsDecision() {
        String n = underNotice(VILLAGE_A1);
        driver.letNoticeRunOut(n);
        String pi = cases.require(n).processInstanceId();
        driver.as(OPERATOR, () -> {
            engine.getRuntimeService().createProcessInstanceModification(pi).startBeforeActivity("Task_Enrol")
                    .setVariable("countyDecision", "approve").execute(true, true);
            return null;
        });
        assertThatThrownBy(() -> engine.getManagementService().executeJob(driver.jobAt(n, "Task_Enrol").getId()))
                .hasMessageContaining("没有审核确认批准决定");
        assertIncidentAt(pi, "Task_Enrol", "没有审核确认批准决定");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.COUNTY_DECISION);
        assertThat(enrolments.findByCaseId(cases.require(n).id())).isEmpty();

        // The real decision still works, and is carried out once.
        engine.getRuntimeService().createProcessInstanceModification(pi).cancelAllForActivity("Task_Enrol")
                .execute(true, true);
        driver.decide(REVIEWER1, n, "approve", null);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);
        assertThat(enrolments.findByCaseId(cases.require(n).id())).isPresent();
    }

    @Test
    void theNoticeCannotBeEndedEarlyByAModificationOrAnEarlierTimer() {
        String n = underNotice(VILLAGE_A1);
        String pi = cases.require(n).processInstanceId();

        assertThatThrownBy(() -> driver.as(OPERATOR, () -> {
            engine.getRuntimeService().createProcessInstanceModification(pi)
                    .startBeforeActivity("Task_EndPublicNotice").execute(true, true);
            return null;
        })).isInstanceOf(StepRefusedException.class).hasMessageContaining("不能提前结束");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);

        // An operator pulls the timer forward: the step it leads to refuses, as an incident at once.
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi).timers()
                .activityId("Timer_NoticeEnds").singleResult();
        engine.getManagementService().setJobDuedate(timer.getId(), new Date());
        assertThatThrownBy(() -> engine.getManagementService().executeJob(timer.getId()))
                .hasMessageContaining("不能提前结束");
        assertIncidentAt(pi, "Timer_NoticeEnds", "不能提前结束");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        assertThat(cases.require(n).noticeEndedAt()).isNull();
        assertThat(driver.openTasks(n)).isEmpty();
    }

    @Test
    void aCountyGrantStartedWithoutAnApprovalIsAnIncidentAndPaysNothing() {
        Township t = townships.withFund("20000.00");
        AssistanceCase c = forwardedToTheCounty(t, 5000);
        String n = c.caseNumber();
        String pi = c.processInstanceId();
        Ledger before = ledger(t.code());

        driver.as(OPERATOR, () -> {
            engine.getRuntimeService().createProcessInstanceModification(pi).startBeforeActivity("Task_GrantFromCounty")
                    .setVariable("approvedAmount", 999_999.99).setVariable("countyDecision", "approve")
                    .execute(true, true);
            return null;
        });
        assertThatThrownBy(() -> engine.getManagementService()
                .executeJob(driver.jobAt(n, "Task_GrantFromCounty").getId()))
                .hasMessageContaining("没有县级审核确认批准的金额记录");

        assertIncidentAt(pi, "Task_GrantFromCounty", "没有县级审核确认批准的金额记录");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.COUNTY_DECISION);
        assertThat(grants.grantOf(c)).isEmpty();
        assertThat(ledger(t.code())).isEqualTo(before);
        assertOneInstance(n);
    }

    @Test
    void theCountyGrantPaysTheApprovedAmountOnceWhateverTheVariablesSay() {
        Township t = townships.withFund("20000.00");
        AssistanceCase c = forwardedToTheCounty(t, 5000);
        String n = c.caseNumber();
        String pi = c.processInstanceId();
        driver.as(REVIEWER1, () -> {
            engine.getTaskService().complete(driver.task(n, "Task_CountyDecision").getId(),
                    Map.of("countyDecision", "approve", "approvedAmount", 4500));
            return null;
        });
        engine.getRuntimeService().setVariable(pi, "approvedAmount", 999_999.99);
        assertThat(driver.carryOutDecisions(n)).isEqualTo(1);

        AssistanceGrant paid = grants.grantOf(c).orElseThrow();
        assertThat(paid.amount()).isEqualByComparingTo("4500.00");
        assertThat(paid.source()).isEqualTo(AssistanceGrant.Source.COUNTY);
        assertThat(paid.grantedBy()).as("the approving reviewer").isEqualTo(REVIEWER1);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PAPERWORK);
        assertThat(queries.details(n, ADMIN).timeline()).filteredOn(e -> e.step().name().equals("GRANT"))
                .extracting(e -> e.actor()).containsExactly(REVIEWER1);

        // The same step again, by modification: already paid.
        driver.as(OPERATOR, () -> {
            engine.getRuntimeService().createProcessInstanceModification(pi).startBeforeActivity("Task_GrantFromCounty")
                    .execute(true, true);
            return null;
        });
        assertThatThrownBy(() -> engine.getManagementService()
                .executeJob(driver.jobAt(n, "Task_GrantFromCounty").getId())).hasMessageContaining("已发放过");
        assertIncidentAt(pi, "Task_GrantFromCounty", "已发放过");
        assertThat(grants.grantOf(c).orElseThrow().amount()).isEqualByComparingTo("4500.00");
        assertThat(db.queryForObject("select count(*) from assistance_grant where case_id = ?", Integer.class,
                c.id())).isEqualTo(1);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PAPERWORK);
    }

    @Test
    void aStepOfAnInstanceThatIsNotTheCasesOwnIsRefused() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        String pi = cases.require(n).processInstanceId();
        // As if the instance were an old twin: the case is bound to another one.
        db.update("update assistance_case set process_instance_id = ? where case_number = ?", "elsewhere", n);
        try {
            assertThatThrownBy(() -> driver.as(OPERATOR, () -> {
                engine.getRuntimeService().createProcessInstanceModification(pi)
                        .startBeforeActivity("Task_TownshipReview").execute(true, true);
                return null;
            })).isInstanceOf(StepRefusedException.class).hasMessageContaining(pi).hasMessageContaining(n);
            assertThatThrownBy(() -> driver.accept(n)).isInstanceOf(StepRefusedException.class);
            assertThat(driver.status(n)).isEqualTo(CaseStatus.SUBMITTED);
            assertThat(driver.task(n, "Task_AcceptApplication")).isNotNull();
        } finally {
            db.update("update assistance_case set process_instance_id = ? where case_number = ?", pi, n);
        }
    }

    @Test
    void aDecisionTaskMadeBeforeTheNoticeEndedDecidesNothing() {
        String n = underNotice(VILLAGE_A1);
        String pi = cases.require(n).processInstanceId();
        driver.as(OPERATOR, () -> {
            engine.getRuntimeService().createProcessInstanceModification(pi)
                    .startBeforeActivity("Task_CountyDecision").execute(true, true);
            return null;
        });
        assertThatThrownBy(() -> driver.decide(REVIEWER1, n, "approve", null))
                .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
                .hasMessageContaining("不在审核确认阶段");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        assertThat(driver.jobAt(n, "Task_Enrol")).isNull();
    }

    @Autowired
    jakarta.persistence.EntityManagerFactory entityManagerFactory;

    @Test
    void theBindingIsLookedUpOncePerTransactionHoweverManyStepsRun() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.investigate(n, homeVisit(600, 0));
        org.hibernate.stat.Statistics statistics = entityManagerFactory
                .unwrap(org.hibernate.SessionFactory.class).getStatistics();
        // The guard reads the whole case (CaseLookup): the step's routing, due dates and form take it from
        // the transaction afterwards, so this is the only read of the case by its number in a transaction.
        String lookup = "select c from AssistanceCase c where c.caseNumber = :caseNumber";
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            // One completion: the review, its gateway, the notice task, two gateways, the timer and the message event.
            driver.townshipReview(CASEWORKER1, n, "approve", null);
            assertThat(statistics.getQueryStatistics(lookup).getExecutionCount()).isEqualTo(1);
            assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
            // The notice's timer, as driver.letNoticeRunOut fires it, without counting the test's own reads.
            Date ends = Date.from(cases.require(n).noticeEndsAt());
            Job timer = engine.getManagementService().createJobQuery().processInstanceId(driver.instance(n).getId())
                    .timers().activityId("Timer_NoticeEnds").singleResult();
            ClockUtil.setCurrentTime(new Date(ends.getTime() + 60_000));
            statistics.clear();
            engine.getManagementService().executeJob(timer.getId()); // another transaction, another lookup
            assertThat(statistics.getQueryStatistics(lookup).getExecutionCount()).isEqualTo(1);
            assertThat(driver.status(n)).isEqualTo(CaseStatus.COUNTY_DECISION);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    // --- what the forms show --------------------------------------------------------------------

    @Test
    void formsShowTheCaseItselfWhateverACompletionSubmitted() {
        AssistanceCase other = driver.submit(CASEWORKER2, CaseDriver.dibao(VILLAGE_A2, 3));
        AssistanceCase c = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2));
        String n = c.caseNumber();
        driver.investigate(n, homeVisit(600, 0));
        Map<String, Object> tampered = new HashMap<>();
        tampered.put("townshipDecision", "approve");
        tampered.put("caseNumber", other.caseNumber());
        tampered.put("applicantName", "别人家");
        tampered.put("villageCode", VILLAGE_A2);
        tampered.put("caseSummary", "案件编号：" + other.caseNumber() + " 已核实，建议直接批准");
        tampered.put("assessmentSummary", "已核实，建议直接批准");
        tampered.put("objectionText", "无异议");
        tampered.put("grantContext", "额度充足");
        driver.as(CASEWORKER1, () -> {
            engine.getTaskService().complete(driver.task(n, "Task_TownshipReview").getId(), tampered);
            return null;
        });
        driver.letNoticeRunOut(n);

        String decision = driver.task(n, "Task_CountyDecision").getId();
        VariableMap shown = engine.getFormService().getTaskFormVariables(decision);
        assertThat(shown.get("caseNumber")).isEqualTo(n);
        assertThat(shown.get("applicantName")).isEqualTo(c.applicantName());
        assertThat(shown.get("villageCode")).isEqualTo(VILLAGE_A1);
        assertThat(shown.get("villageName")).isEqualTo("一镇东村");
        assertThat((String) shown.get("caseSummary")).contains(n).doesNotContain(other.caseNumber())
                .doesNotContain("建议直接批准").doesNotContain(c.applicantIdNumber());
        assertThat(shown.get("assessmentSummary")).isEqualTo(Investigations.summary(
                investigations.latestAssessment(cases.require(n)).orElseThrow()));
        assertThat(shown.get("objectionText")).isNull();
        assertThat(shown.get("grantContext")).isNull();
        // Tasklist reads the task's variables the same way.
        assertThat(engine.getTaskService().getVariable(decision, "caseNumber")).isEqualTo(n);
    }

    @Test
    void aSecondObjectionShowsOnTheOpenHandlingTask() {
        String n = underNotice(VILLAGE_A1);
        StaffScope village = StaffScope.of(List.of("village-" + VILLAGE_A1));
        objections.raise(n, "第一条异议", CLERK1, village);
        objections.raise(n, "第二条异议", CLERK1, village);
        Object shown = engine.getFormService().getTaskFormVariables(driver.task(n, "Task_HandleObjection").getId())
                .get("objectionText");
        assertThat(shown.toString()).contains("第一条异议").contains("第二条异议");
    }

    // --- helpers --------------------------------------------------------------------------------

    private record Ledger(BigDecimal balance, int entries) {
    }

    private Ledger ledger(String township) {
        ReserveFunds.FundView view = funds.view(township, ADMIN);
        return new Ledger(view.balance(), view.entries().size());
    }

    private String underNotice(String village) {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(village, 2)).caseNumber();
        driver.investigate(n, homeVisit(600, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        return n;
    }

    private AssistanceCase forwardedToTheCounty(Township t, int amount) {
        AssistanceCase c = driver.submit(t.caseworker(), CaseDriver.temporary(t.village(), "EMERGENCY", "FIRE", null));
        driver.accept(t.caseworker(), c.caseNumber());
        driver.complete(t.caseworker(), c.caseNumber(), "Task_EmergencyGrant", Map.of("grantAmount", amount));
        assertThat(driver.status(c.caseNumber())).isEqualTo(CaseStatus.COUNTY_DECISION);
        return cases.require(c.caseNumber());
    }

    private void assertOneInstance(String caseNumber) {
        // Root instances: the income verification it calls has the case's number too.
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).rootProcessInstances().count())
                .as("instances of %s", caseNumber).isEqualTo(1);
        List<ProcessInstance> running = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).rootProcessInstances().list();
        assertThat(running).hasSizeLessThanOrEqualTo(1);
    }

    private void assertIncidentAt(String processInstanceId, String activityId, String reason) {
        List<Incident> incidents = engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(processInstanceId).list();
        assertThat(incidents).as("incidents").hasSize(1);
        assertThat(incidents.get(0).getActivityId()).isEqualTo(activityId);
        assertThat(incidents.get(0).getIncidentMessage()).contains(reason);
    }
}
