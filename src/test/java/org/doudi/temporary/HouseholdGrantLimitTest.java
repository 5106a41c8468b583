package org.doudi.temporary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.test.Demo.PASSWORD;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.IntakeRefusedException;
import org.doudi.region.AmountRule;
import org.doudi.shared.PersonalData;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.RawHttp;
import org.doudi.test.RawHttp.Answer;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestCounties;
import org.doudi.test.TestCounties.County;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The yearly limit of temporary grants counts per household and cause (China Standard Time year), and a
 * county without a 支出型 line takes no 支出型 applications. Each test on a county of its own.
 */
@IntegrationTest
class HouseholdGrantLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver driver;
    @Autowired
    TestCounties counties;
    @Autowired
    CaseRepository cases;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void at(String isoWithOffset) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoWithOffset).toInstant()));
    }

    private static ApplicationForm emergency(String village, String cause, ApplicationForm.Applicant applicant,
            List<ApplicationForm.Member> members) {
        return new ApplicationForm("TEMPORARY", "EMERGENCY", village, applicant, members, "家中失火，生活无着", null, cause);
    }

    /** Submitted, accepted, paid from the reserve fund and its paperwork completed: the case is closed. */
    private String granted(County k, ApplicationForm form) {
        String n = driver.submit(k.caseworker(), form).caseNumber();
        driver.accept(k.caseworker(), n);
        driver.complete(k.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 1000));
        driver.complete(k.caseworker(), n, "Task_CompletePaperwork", Map.of("paperworkComplete", true));
        return n;
    }

    @Test
    void theApplicantsSpouseIsRefusedForTheSameCauseThisYearAndTakenForAnotherCauseOrNextYear() {
        County k = counties.create(TestCounties.values("600.00", "900.00", 1, AmountRule.EXACT));
        String husbandId = ResidentIds.ofAge(46);
        String wifeId = ResidentIds.ofAge(44);
        ApplicationForm.Applicant husband = new ApplicationForm.Applicant("王大", husbandId, "13700000000");
        ApplicationForm.Applicant wife = new ApplicationForm.Applicant("李二", wifeId, "13700000001");

        at("2025-12-30T10:00:00+08:00");
        String fire = granted(k, emergency(k.village(), "FIRE", husband,
                List.of(CaseDriver.member("李二", wifeId, "SPOUSE"))));

        // The same fire, the spouse applying: with her husband listed, or alone.
        at("2025-12-31T23:30:00+08:00");
        ApplicationForm withHusband = emergency(k.village(), "FIRE", wife,
                List.of(CaseDriver.member("王大", husbandId, "SPOUSE")));
        assertThatThrownBy(() -> driver.submit(k.caseworker(), withHusband)).isInstanceOf(IntakeRefusedException.class)
                .hasMessageContaining(fire).hasMessageContaining(PersonalData.maskIdNumber(wifeId))
                .hasMessageContaining("李二").hasMessageContaining("火灾").hasMessageNotContaining(wifeId)
                .satisfies(e -> assertThat(((IntakeRefusedException) e).field()).isEqualTo("applicant.idNumber"));
        ApplicationForm alone = emergency(k.village(), "FIRE", wife, List.of());
        assertThatThrownBy(() -> driver.submit(k.caseworker(), alone)).isInstanceOf(IntakeRefusedException.class)
                .hasMessageContaining(fire);
        // A son who was not in the first household, listing his father: refused on his father's line.
        String sonId = ResidentIds.ofAge(20);
        ApplicationForm son = emergency(k.village(), "FIRE", new ApplicationForm.Applicant("王小", sonId, null),
                List.of(CaseDriver.member("王大", husbandId, "PARENT")));
        assertThatThrownBy(() -> driver.submit(k.caseworker(), son)).isInstanceOf(IntakeRefusedException.class)
                .hasMessageContaining(PersonalData.maskIdNumber(husbandId))
                .satisfies(e -> assertThat(((IntakeRefusedException) e).field()).isEqualTo("members[0].idNumber"));
        assertThat(cases.findAll()).noneMatch(c -> wifeId.equals(c.applicantIdNumber()) || sonId.equals(c.applicantIdNumber()));

        // Another cause is another count.
        String accident = granted(k, emergency(k.village(), "TRAFFIC_ACCIDENT", wife, List.of()));
        assertThat(accident).startsWith("LS-2025-");

        // The next calendar year in China Standard Time (still 31 December in UTC): the count starts again.
        at("2026-01-01T00:30:00+08:00");
        String nextYear = driver.submit(k.caseworker(), withHusband).caseNumber();
        assertThat(nextYear).startsWith("LS-2026-");
    }

    @Test
    void aCountyWithoutAnExpenditureLineRefusesExpenditureApplicationsOverTheApiAndTheStartForm() {
        County k = counties.create(TestCounties.values("600.00", null, 2, AmountRule.EXACT));
        RawHttp http = new RawHttp(port);
        Map<String, String> headers = RawHttp.basic(k.caseworker(), PASSWORD);
        headers.put("Content-Type", "application/json");
        long before = cases.count();

        String api = "{\"programme\":\"TEMPORARY\",\"kind\":\"EXPENDITURE\",\"cause\":\"MEDICAL_EXPENSE\","
                + "\"villageCode\":\"" + k.village() + "\",\"applicant\":{\"name\":\"赵四\",\"idNumber\":\""
                + ResidentIds.ofAge(50) + "\",\"phone\":\"13600000000\"},\"members\":[],\"reason\":\"住院\","
                + "\"requestedAmount\":3000}";
        Answer refused = http.send("POST", "/api/applications", headers, api);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"kind\"").contains("支出型");

        String form = "{\"variables\":{\"kind\":{\"value\":\"EXPENDITURE\"},\"cause\":{\"value\":\"MEDICAL_EXPENSE\"},"
                + "\"villageCode\":{\"value\":\"" + k.village() + "\"},"
                + "\"applicant\":{\"value\":\"{\\\"name\\\":\\\"赵四\\\",\\\"idNumber\\\":\\\"" + ResidentIds.ofAge(50)
                + "\\\"}\",\"type\":\"Json\"},\"reason\":{\"value\":\"住院\"},\"requestedAmount\":{\"value\":3000}}}";
        Answer startForm = http.send("POST", "/engine-rest/process-definition/key/TemporaryAssistance/submit-form",
                headers, form);
        assertThat(startForm.status()).as(startForm.body()).isEqualTo(400);
        assertThat(startForm.body()).contains("kind").contains("救助类型").contains("支出型");
        assertThat(cases.count()).as("nothing registered").isEqualTo(before);

        // An emergency application in the same county is taken, over the start form as well.
        Answer emergency = http.send("POST", "/engine-rest/process-definition/key/TemporaryAssistance/submit-form",
                headers, form.replace("EXPENDITURE", "EMERGENCY").replace("MEDICAL_EXPENSE", "FIRE"));
        assertThat(emergency.status()).as(emergency.body()).isEqualTo(200);
        assertThat(emergency.body()).contains("\"caseNumber\":\"LS-");
    }
}
