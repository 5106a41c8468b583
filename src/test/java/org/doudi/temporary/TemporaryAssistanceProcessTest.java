package org.doudi.temporary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseQueries;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.IntakeRefusedException;
import org.doudi.fund.ReserveFunds;
import org.doudi.region.StaffScope;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.TestTownships;
import org.doudi.test.TestTownships.Township;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of TemporaryAssistance, each on a township of its own so that balances are exact. */
@IntegrationTest
class TemporaryAssistanceProcessTest {

    @Autowired
    CaseDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TestTownships townships;
    @Autowired
    ReserveFunds funds;
    @Autowired
    TemporaryGrants grants;
    @Autowired
    CaseRepository cases;
    @Autowired
    CaseQueries queries;

    private static final StaffScope ADMIN = StaffScope.of(List.of("camunda-admin"));

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private AssistanceCase emergency(Township t, String cause) {
        AssistanceCase c = driver.submit(t.caseworker(), CaseDriver.temporary(t.village(), "EMERGENCY", cause, null));
        driver.accept(t.caseworker(), c.caseNumber());
        return c;
    }

    private ReserveFunds.FundView fund(Township t) {
        return funds.view(t.code(), ADMIN);
    }

    private Job followUpTimer(String caseNumber) {
        return engine.getManagementService().createJobQuery()
                .processInstanceId(driver.instance(caseNumber, "TemporaryAssistance").getId()).timers().activityId("Timer_FollowUp").singleResult();
    }

    @Test
    void emergencyGrantWithinTheCapIsPaidFromTheReserveFundAtOnceThenThePaperworkFollows() {
        Township t = townships.withFund("20000.00");
        AssistanceCase c = emergency(t, "FIRE");
        String n = c.caseNumber();
        assertThat(driver.instance(n, "TemporaryAssistance")).isWaitingAt("Task_EmergencyGrant");
        assertThat(driver.task(n, "Task_EmergencyGrant")).hasCandidateGroup("township-" + t.code());
        assertThat(engine.getTaskService().getVariable(driver.task(n, "Task_EmergencyGrant").getId(), "grantContext")
                .toString()).contains("3,000.00").contains("20,000.00");

        driver.complete(t.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 2500.5));

        assertThat(driver.status(n)).isEqualTo(CaseStatus.PAPERWORK);
        ReserveFunds.FundView fund = fund(t);
        assertThat(fund.balance()).isEqualByComparingTo("17499.50");
        assertThat(fund.ledgerSum()).isEqualByComparingTo(fund.balance());
        assertThat(fund.entries().get(0).kind()).isEqualTo("GRANT");
        assertThat(fund.entries().get(0).amount()).isEqualByComparingTo("-2500.50");
        assertThat(fund.entries().get(0).caseNumber()).isEqualTo(n);
        assertThat(grants.grantOf(c).orElseThrow().source()).isEqualTo(AssistanceGrant.Source.RESERVE_FUND);

        Task paperwork = driver.task(n, "Task_CompletePaperwork");
        assertThat(paperwork.getDueDate()).isAfter(Date.from(ClockUtil.getCurrentTime().toInstant()
                .plus(Duration.ofDays(19))));
        driver.complete(t.caseworker(), n, "Task_CompletePaperwork",
                Map.of("paperworkComplete", false, "paperworkNotes", "缺审批表"));
        driver.complete(t.caseworker(), n, "Task_CompletePaperwork", Map.of("paperworkComplete", true));
        assertThat(driver.status(n)).isEqualTo(CaseStatus.GRANTED);
        assertThat(driver.instance(n, "TemporaryAssistance")).isWaitingAt("Timer_FollowUp");
    }

    @Test
    void aGrantAboveTheCapGoesToTheCountyAndIsPaidFromCountyFunds() {
        Township t = townships.withFund("20000.00");
        AssistanceCase c = emergency(t, "SERIOUS_ILLNESS");
        String n = c.caseNumber();
        driver.complete(t.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 5000));

        assertThat(driver.status(n)).isEqualTo(CaseStatus.COUNTY_DECISION);
        assertThat(driver.task(n, "Task_CountyDecision")).hasCandidateGroup("county-" + COUNTY_A);
        assertThatThrownBy(() -> driver.complete(REVIEWER1, n, "Task_CountyDecision", Map.of("countyDecision", "approve")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("approvedAmount");
        driver.complete(REVIEWER1, n, "Task_CountyDecision", Map.of("countyDecision", "approve", "approvedAmount", 4500));

        assertThat(driver.status(n)).isEqualTo(CaseStatus.PAPERWORK);
        assertThat(grants.grantOf(c).orElseThrow().amount()).isEqualByComparingTo("4500.00");
        assertThat(grants.grantOf(c).orElseThrow().source()).isEqualTo(AssistanceGrant.Source.COUNTY);
        assertThat(fund(t).balance()).isEqualByComparingTo("20000.00");
        driver.complete(t.caseworker(), n, "Task_CompletePaperwork", Map.of("paperworkComplete", true));
        assertThat(driver.status(n)).isEqualTo(CaseStatus.GRANTED);
    }

    @Test
    void aGrantBeyondTheBalanceIsRefusedWithNothingChangedUntilTheCountyReplenishes() {
        Township t = townships.withFund("1000.00");
        AssistanceCase c = emergency(t, "FIRE");
        String n = c.caseNumber();

        assertThatThrownBy(() -> driver.complete(t.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 1500)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("备用金余额不足");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);
        assertThat(driver.task(n, "Task_EmergencyGrant")).isNotNull();
        assertThat(fund(t).balance()).isEqualByComparingTo("1000.00");
        assertThat(fund(t).entries()).hasSize(1);
        assertThat(grants.grantOf(c)).isEmpty();

        funds.replenish(t.code(), new BigDecimal("2000"), "追加备用金", REVIEWER1,
                StaffScope.of(List.of("county-" + COUNTY_A)));
        driver.complete(t.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 1500));
        assertThat(fund(t).balance()).isEqualByComparingTo("1500.00");
        assertThat(fund(t).ledgerSum()).isEqualByComparingTo("1500.00");
    }

    @Test
    void aTownshipWithAShortFundMayLeaveTheGrantToTheCounty() {
        Township t = townships.withFund("100.00");
        String n = emergency(t, "FIRE").caseNumber();
        driver.complete(t.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 1500, "submitToCounty", true));
        assertThat(driver.status(n)).isEqualTo(CaseStatus.COUNTY_DECISION);
        assertThat(driver.task(n, "Task_CountyDecision")).hasCandidateGroup("county-" + COUNTY_A);
        assertThat(fund(t).balance()).isEqualByComparingTo("100.00");
    }

    @Test
    void theYearlyLimitPerPersonAndCauseRefusesAThirdApplication() {
        Township t = townships.withFund("20000.00");
        ApplicationForm first = CaseDriver.temporary(t.village(), "EMERGENCY", "FIRE", null);
        for (int i = 0; i < 2; i++) {
            String n = driver.submit(t.caseworker(), first).caseNumber();
            driver.accept(t.caseworker(), n);
            driver.complete(t.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 1000));
            driver.complete(t.caseworker(), n, "Task_CompletePaperwork", Map.of("paperworkComplete", true));
        }
        assertThatThrownBy(() -> driver.submit(t.caseworker(), first)).isInstanceOf(IntakeRefusedException.class)
                .hasMessageContaining("2");
        // Another cause is another count.
        ApplicationForm otherCause = new ApplicationForm("TEMPORARY", "EMERGENCY", t.village(), first.applicant(),
                first.members(), "交通事故", null, "TRAFFIC_ACCIDENT");
        assertThat(driver.submit(t.caseworker(), otherCause).caseNumber()).startsWith("LS-");
    }

    @Test
    void expenditureCaseIsVerifiedReviewedAndDecidedByTheCounty() {
        AssistanceCase c = driver.submit(CASEWORKER1, CaseDriver.temporary(VILLAGE_A1, "EXPENDITURE",
                "MEDICAL_EXPENSE", "3000.00"));
        String n = c.caseNumber();
        driver.investigate(n, homeVisit(1200, 0)); // 600 per capita < 900 line
        assertThat(engine.getRuntimeService().getVariable(driver.instance(n, "TemporaryAssistance").getId(),
                "eligibility")).isEqualTo("ELIGIBLE_EXPENDITURE");
        driver.townshipReview(CASEWORKER1, n, "approve", "住院费用");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.COUNTY_DECISION);
        driver.complete(REVIEWER1, n, "Task_CountyDecision", Map.of("countyDecision", "approve", "approvedAmount", 2500));

        assertThat(driver.status(n)).isEqualTo(CaseStatus.GRANTED);
        assertThat(grants.grantOf(c).orElseThrow().amount()).isEqualByComparingTo("2500.00");
        assertThat(driver.instance(n, "TemporaryAssistance")).isWaitingAt("Timer_FollowUp");
    }

    @Test
    void expenditureCaseRejectedByTheCounty() {
        String n = driver.submit(CASEWORKER1, CaseDriver.temporary(VILLAGE_A1, "EXPENDITURE", "EDUCATION_EXPENSE",
                "2000.00")).caseNumber();
        driver.investigate(n, homeVisit(1000, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.complete(REVIEWER1, n, "Task_CountyDecision", Map.of("countyDecision", "reject", "countyOpinion",
                "已享受教育救助"));
        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);
        // The written notice with its reasons goes out through the township, within 3 working days.
        assertThat(driver.instance(n, "TemporaryAssistance")).hasPassed("Task_SendRejectionNotice")
                .isWaitingAt("Task_DeliverRejectionNotice");
        Task delivery = driver.task(n, "Task_DeliverRejectionNotice");
        assertThat(delivery.getDueDate()).isNotNull();
        assertThat(delivery).hasCandidateGroup("township-" + TOWNSHIP_A1);
        driver.deliverRejectionNotice(CASEWORKER1, n, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
                ZoneId.of("Asia/Shanghai")).toString());
        assertThat(driver.instance(n, "TemporaryAssistance")).isEnded();
        assertThat(driver.status(n)).isEqualTo(CaseStatus.REJECTED);
    }

    @Test
    void aFamilyStillInDifficultyAtTheFollowUpGoesIntoTheDibaoProcedure() {
        Township t = townships.withFund("20000.00");
        AssistanceCase c = emergency(t, "FIRE");
        String n = c.caseNumber();
        driver.complete(t.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 2000));
        driver.complete(t.caseworker(), n, "Task_CompletePaperwork", Map.of("paperworkComplete", true));

        Date followUp = followUpTimer(n).getDuedate();
        assertThat(followUp).isAfter(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(89))));
        ClockUtil.setCurrentTime(new Date(followUp.getTime() + 1000));
        engine.getManagementService().executeJob(followUpTimer(n).getId());
        driver.complete(t.caseworker(), n, "Task_FollowUpCheck", Map.of("stillInDifficulty", true,
                "followUpNotes", "房屋尚未修复，无收入"));

        String dibao = cases.findByCaseNumber(n).orElseThrow().linkedCaseNumber();
        assertThat(dibao).startsWith("DB-");
        assertThat(driver.instance(dibao)).isWaitingAt("Task_AcceptApplication");
        AssistanceCase linked = cases.findWithHouseholdByCaseNumber(dibao).orElseThrow();
        assertThat(linked.applicantIdNumber()).isEqualTo(c.applicantIdNumber());
        assertThat(linked.household().size()).isEqualTo(2);
        assertThat(queries.details(n, ADMIN).timeline()).anyMatch(e -> e.detail() != null && e.detail().contains(dibao));
        assertThat(queries.details(dibao, ADMIN).timeline()).anyMatch(e -> e.detail() != null && e.detail().contains(n));
        assertThat(driver.instance(n, "TemporaryAssistance")).isEnded();
    }

    @Test
    void aFamilyNoLongerInDifficultyIsClosed() {
        Township t = townships.withFund("5000.00");
        String n = emergency(t, "ACCIDENT").caseNumber();
        driver.complete(t.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 800));
        driver.complete(t.caseworker(), n, "Task_CompletePaperwork", Map.of("paperworkComplete", "true"));
        engine.getManagementService().executeJob(followUpTimer(n).getId());
        driver.complete(t.caseworker(), n, "Task_FollowUpCheck", Map.of("stillInDifficulty", false));
        assertThat(driver.instance(n, "TemporaryAssistance")).isEnded().hasNotPassed("Task_StartDibao");
        assertThat(cases.findByCaseNumber(n).orElseThrow().linkedCaseNumber()).isNull();
    }
}
