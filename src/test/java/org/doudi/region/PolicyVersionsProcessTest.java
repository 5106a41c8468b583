package org.doudi.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.PASSWORD;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.cases.CaseQueries;
import org.doudi.cases.CaseQueries.CaseDetails;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.ApprovedBenefit;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.RawHttp;
import org.doudi.test.TestCounties;
import org.doudi.test.TestCounties.County;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * County numbers through the process: a decision uses the version in force in the month it is taken in,
 * and the county's rounding rule makes the assessment's amount. Each test on a county of its own, with
 * the engine clock moved to fixed days of 2026 (whose working-day calendar is published).
 */
@IntegrationTest
class PolicyVersionsProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver driver;
    @Autowired
    TestCounties counties;
    @Autowired
    CaseQueries queries;

    private static final StaffScope ADMIN = StaffScope.of(List.of(StaffScope.ADMIN_GROUP));

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void at(String isoWithOffset) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoWithOffset).toInstant()));
    }

    /** An operator adds a version over the API (at the real time: nothing was decided in the county yet). */
    private void addVersion(County k, String body) {
        Map<String, String> headers = RawHttp.basic("admin", PASSWORD);
        headers.put("Content-Type", "application/json");
        RawHttp.Answer a = new RawHttp(port).send("POST", "/api/counties/" + k.code() + "/policies", headers, body);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
    }

    /** A household of two with 400 元 counted income, visited and favourably reviewed: its notice is running. */
    private String assessedAndPosted(County k) {
        String n = driver.submit(k.caseworker(), CaseDriver.dibao(k.village(), 2)).caseNumber();
        driver.accept(k.caseworker(), n);
        driver.runDataVerification(n);
        driver.homeVisit(k.caseworker(), n, homeVisit(500, 100));
        driver.townshipReview(k.caseworker(), n, "approve", null);
        return n;
    }

    private ApprovedBenefit enrolment(String n) {
        return queries.details(n, ADMIN).enrolment().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> income(String n) {
        return (Map<String, Object>) queries.details(n, ADMIN).details().get("income");
    }

    @Test
    void aDecisionInTheMonthBeforeARaiseUsesTheOldStandardAndOneInTheMonthOfTheRaiseTheNew() {
        County k = counties.create(TestCounties.countyAValues());
        addVersion(k, "{\"effectiveFrom\":\"2026-06\",\"dibaoStandard\":650.00}");

        // Assessed and decided in May: 600 × 2 − 400.
        at("2026-05-04T10:00:00+08:00");
        String may = assessedAndPosted(k);
        driver.letNoticeRunOut(may);
        driver.decide(k.reviewer(), may, "approve", null);
        assertThat(driver.status(may)).isEqualTo(CaseStatus.APPROVED);
        assertThat(enrolment(may).monthlyAmount()).isEqualByComparingTo("800.00");
        assertThat(enrolment(may).benefitStartMonth()).isEqualTo("2026-06");

        // Assessed in May under 600, decided in June: June's standard, 650 × 2 − 400.
        at("2026-05-22T10:00:00+08:00");
        String june = assessedAndPosted(k);
        assertThat(income(june).get("proposedAmount")).isEqualTo(new BigDecimal("800.00"));
        assertThat(income(june).get("policyEffectiveFrom")).isEqualTo("2020-01");
        driver.letNoticeRunOut(june);
        at("2026-06-01T09:00:00+08:00");
        driver.decide(k.reviewer(), june, "approve", null);
        assertThat(driver.status(june)).isEqualTo(CaseStatus.APPROVED);
        assertThat(enrolment(june).monthlyAmount()).isEqualByComparingTo("900.00");
        assertThat(enrolment(june).benefitStartMonth()).isEqualTo("2026-07");
        CaseDetails details = queries.details(june, ADMIN);
        assertThat(details.timeline()).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo("restated_for_decision");
            assertThat(e.detail()).contains("2026-06").contains("650.00").contains("900.00").contains("800.00");
        });
        assertThat(details.decisions()).anySatisfy(d -> {
            assertThat(d.outcome()).isEqualTo("approve");
            assertThat(d.amount()).isEqualByComparingTo("900.00");
        });
    }

    @Test
    void aStandardLoweredBeforeTheDecisionBelowTheHouseholdsIncomeRefusesTheApproval() {
        County k = counties.create(TestCounties.countyAValues());
        addVersion(k, "{\"effectiveFrom\":\"2026-06\",\"dibaoStandard\":180.00}");
        at("2026-05-22T10:00:00+08:00");
        String n = assessedAndPosted(k); // 200 per head, under May's 600, not under June's 180
        driver.letNoticeRunOut(n);
        at("2026-06-01T09:00:00+08:00");
        assertThatThrownBy(() -> driver.decide(k.reviewer(), n, "approve", null))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("180.00")
                .hasMessageContaining("重新核算");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.COUNTY_DECISION);
        driver.decide(k.reviewer(), n, "return", "按新标准重新核算");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);
    }

    @Test
    void theCountysRoundingRuleAndMinimumMakeTheAssessedAmountAndTheAssessmentShowsThem() {
        County k = counties.create(TestCounties.values("600.00", "900.00", 2,
                new AmountRule(AmountRule.Unit.JIAO, AmountRule.Mode.HALF_UP, new BigDecimal("10.00"))));

        String small = driver.submit(k.caseworker(), CaseDriver.dibao(k.village(), 1)).caseNumber();
        driver.accept(k.caseworker(), small);
        driver.runDataVerification(small);
        driver.homeVisit(k.caseworker(), small, homeVisit(596.80, 0)); // shortfall 3.20 元
        Map<String, Object> income = income(small);
        assertThat(income.get("computedAmount")).isEqualTo(new BigDecimal("3.20"));
        assertThat(income.get("proposedAmount")).isEqualTo(new BigDecimal("10.00"));
        assertThat(income.get("amountRule")).isEqualTo("精确到角，四舍五入；每月最低 10.00 元");
        assertThat(queries.details(small, ADMIN).timeline()).anySatisfy(e -> assertThat(e.detail())
                .contains("拟保障金额：10.00 元/月").contains("金额规则：精确到角，四舍五入；每月最低 10.00 元（计算结果 3.20 元）"));

        String rounded = driver.submit(k.caseworker(), CaseDriver.dibao(k.village(), 1)).caseNumber();
        driver.accept(k.caseworker(), rounded);
        driver.runDataVerification(rounded);
        driver.homeVisit(k.caseworker(), rounded, homeVisit(476.55, 0)); // shortfall 123.45 元
        assertThat(income(rounded).get("proposedAmount")).isEqualTo(new BigDecimal("123.50"));
        driver.townshipReview(k.caseworker(), rounded, "approve", null);
        driver.letNoticeRunOut(rounded);
        driver.decide(k.reviewer(), rounded, "approve", null);
        assertThat(enrolment(rounded).monthlyAmount()).isEqualByComparingTo("123.50");
    }
}
