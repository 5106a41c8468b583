package org.doudi.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.RawHttp;
import org.doudi.test.RawHttp.Answer;
import org.doudi.test.TestCounties;
import org.doudi.test.TestCounties.County;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code GET} and {@code POST /api/counties/{county}/policies} over real HTTP, on counties of their own. */
@IntegrationTest
class CountyPolicyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestCounties counties;
    @Autowired
    CaseDriver driver;
    @Autowired
    RegionService regions;

    RawHttp http;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    Answer post(String user, String county, String body) {
        Map<String, String> headers = RawHttp.basic(user, PASSWORD);
        headers.put("Content-Type", "application/json");
        return http.send("POST", "/api/counties/" + county + "/policies", headers, body);
    }

    JsonNode get(String user, String county) throws Exception {
        Answer a = http.send("GET", "/api/counties/" + county + "/policies", RawHttp.basic(user, PASSWORD), (String) null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return json.readTree(a.body());
    }

    List<String> errorFields(Answer a) throws Exception {
        List<String> fields = new ArrayList<>();
        json.readTree(a.body()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    static YearMonth thisMonth() {
        return YearMonth.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theCountysReviewerAddsARaiseFromAComingMonthAndTheVersionsAreListedWithTheOldOnesKept() throws Exception {
        County k = counties.create(TestCounties.countyAValues());
        YearMonth next = thisMonth().plusMonths(1);

        Answer added = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + next + "\",\"dibaoStandard\":650.00,"
                + "\"amountRounding\":\"JIAO\",\"roundingMode\":\"DOWN\",\"minimumMonthlyAmount\":10}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode v = json.readTree(added.body());
        assertThat(v.path("effectiveFrom").asText()).isEqualTo(next.toString());
        assertThat(v.path("dibaoStandard").decimalValue()).isEqualByComparingTo("650.00");
        assertThat(v.path("tekunBasicStandard").decimalValue()).as("left out: carried over").isEqualByComparingTo("780.00");
        assertThat(v.path("spotCheckRate").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(v.path("amountRule").asText()).isEqualTo("精确到角，舍去尾数；每月最低 10.00 元");
        assertThat(v.path("createdBy").asText()).isEqualTo(k.reviewer());
        assertThat(v.path("inForce").asBoolean()).isFalse();

        // Any member of staff reads the published numbers; the one in force this month is marked.
        JsonNode list = get(CASEWORKER1, k.code());
        assertThat(list.path("inForce").asText()).isEqualTo("2020-01");
        assertThat(list.path("versions")).hasSize(2);
        assertThat(list.path("versions").get(0).path("effectiveFrom").asText()).isEqualTo("2020-01");
        assertThat(list.path("versions").get(0).path("dibaoStandard").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(list.path("versions").get(0).path("inForce").asBoolean()).isTrue();
        assertThat(list.path("versions").get(0).path("amountRule").asText()).isEqualTo("精确到分，四舍五入");
        assertThat(list.path("versions").get(1).path("dibaoStandard").decimalValue()).isEqualByComparingTo("650.00");

        // Today's decisions still use the version in force; the raise applies from its month.
        assertThat(regions.policyOf(k.code()).dibaoStandard()).isEqualByComparingTo("600.00");
        assertThat(regions.policyOf(k.code(), next).dibaoStandard()).isEqualByComparingTo("650.00");
        assertThat(regions.policyOf(k.code(), next.plusYears(3)).dibaoStandard()).isEqualByComparingTo("650.00");
        assertThat(regions.policyOf(k.code(), next).amountRule())
                .isEqualTo(new AmountRule(AmountRule.Unit.JIAO, AmountRule.Mode.DOWN, new java.math.BigDecimal("10.00")));

        // A month has one version, and a stored version is never changed.
        Answer again = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + next + "\",\"dibaoStandard\":700}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(regions.policyOf(k.code(), next).dibaoStandard()).isEqualByComparingTo("650.00");
    }

    @Test
    void valuesOutsideTheirLawfulBoundsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        County k = counties.create(TestCounties.countyAValues());
        Answer bad = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + thisMonth().plusMonths(2) + "\","
                + "\"dibaoStandard\":0,\"tekunBasicStandard\":-780,\"singlePersonFactor\":0.9,\"spotCheckRate\":0.25,"
                + "\"grantsPerCauseYear\":3,\"roundingMode\":\"CEILING\",\"townshipCap\":\"3千\","
                + "\"approvalDelegated\":\"yes\",\"minimumMonthlyAmount\":10.005}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(errorFields(bad)).contains("dibaoStandard", "tekunBasicStandard", "singlePersonFactor",
                "spotCheckRate", "grantsPerCauseYear", "roundingMode", "townshipCap", "approvalDelegated",
                "minimumMonthlyAmount");
        assertThat(bad.body()).contains("不少于 30%").contains("低保标准");

        Answer rate = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + thisMonth().plusMonths(2) + "\","
                + "\"spotCheckRate\":0.29}");
        assertThat(rate.status()).isEqualTo(400);
        assertThat(errorFields(rate)).containsExactly("spotCheckRate");
        Answer month = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"2027-13\",\"dibaoStandard\":650}");
        assertThat(month.status()).isEqualTo(400);
        assertThat(errorFields(month)).containsExactly("effectiveFrom");
        Answer line = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + thisMonth().plusMonths(2) + "\","
                + "\"minimumMonthlyAmount\":700}");
        assertThat(line.status()).as("a minimum above the standard").isEqualTo(400);
        assertThat(errorFields(line)).containsExactly("minimumMonthlyAmount");

        assertThat(get(REVIEWER1, k.code()).path("versions")).hasSize(1);
    }

    @Test
    void countyStaffStartAVersionThisMonthOrLaterAndOnlyTheirOwnCounty() throws Exception {
        County k = counties.create(TestCounties.countyAValues());
        Answer past = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + thisMonth().minusMonths(1)
                + "\",\"dibaoStandard\":650}");
        assertThat(past.status()).as(past.body()).isEqualTo(400);
        assertThat(errorFields(past)).containsExactly("effectiveFrom");
        assertThat(past.body()).contains("不能早于本月");

        assertThat(post(REVIEWER1, k.code(), "{\"effectiveFrom\":\"" + thisMonth().plusMonths(1)
                + "\",\"dibaoStandard\":650}").status()).as("another county's reviewer").isEqualTo(403);
        assertThat(post(k.caseworker(), k.code(), "{\"effectiveFrom\":\"" + thisMonth().plusMonths(1)
                + "\",\"dibaoStandard\":650}").status()).as("a township caseworker").isEqualTo(403);
        assertThat(post(k.reviewer(), "139099", "{\"effectiveFrom\":\"" + thisMonth().plusMonths(1)
                + "\",\"dibaoStandard\":650}").status()).as("no such county").isEqualTo(404);
        assertThat(get(k.reviewer(), k.code()).path("versions")).hasSize(1);

        Answer current = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + thisMonth() + "\",\"dibaoStandard\":620}");
        assertThat(current.status()).as(current.body()).isEqualTo(201);
        assertThat(regions.policyOf(k.code()).dibaoStandard()).isEqualByComparingTo("620.00");
        assertThat(get(k.reviewer(), k.code()).path("inForce").asText()).isEqualTo(thisMonth().toString());
    }

    @Test
    void anOperatorMayDateAVersionBackButNeverBeneathADecisionAlreadyTaken() throws Exception {
        County k = counties.create(TestCounties.countyAValues());
        YearMonth threeMonthsAgo = thisMonth().minusMonths(3);
        Answer back = post("admin", k.code(), "{\"effectiveFrom\":\"" + threeMonthsAgo + "\",\"povertyLine\":950}");
        assertThat(back.status()).as(back.body()).isEqualTo(201);

        // A township grant this month is a decision under the version in force this month.
        String n = driver.submit(k.caseworker(), CaseDriver.temporary(k.village(), "EMERGENCY", "FIRE", null)).caseNumber();
        driver.accept(k.caseworker(), n);
        driver.complete(k.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 1000));

        Answer beneath = post("admin", k.code(), "{\"effectiveFrom\":\"" + thisMonth() + "\",\"townshipCap\":2000}");
        assertThat(beneath.status()).as(beneath.body()).isEqualTo(409);
        assertThat(beneath.body()).contains(n);
        Answer before = post("admin", k.code(), "{\"effectiveFrom\":\"" + thisMonth().minusMonths(1)
                + "\",\"townshipCap\":2000}");
        assertThat(before.status()).isEqualTo(409);
        assertThat(regions.policyOf(k.code()).townshipCap()).isEqualByComparingTo("3000.00");

        Answer later = post("admin", k.code(), "{\"effectiveFrom\":\"" + thisMonth().plusMonths(1)
                + "\",\"townshipCap\":2000}");
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        JsonNode versions = get("admin", k.code()).path("versions");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(1).path("povertyLine").decimalValue()).isEqualByComparingTo("950.00");
        assertThat(versions.get(2).path("povertyLine").decimalValue()).as("carried over from the version before")
                .isEqualByComparingTo("950.00");
        assertThat(versions.get(2).path("townshipCap").decimalValue()).isEqualByComparingTo("2000.00");
    }

    /** 劳动年龄: a county's own working age, versioned like its other numbers, within 14–18 and 50–70. */
    @Test
    void aCountySetsItsWorkingAgeFromAMonthOnAndLaterVersionsKeepIt() throws Exception {
        County k = counties.create(TestCounties.countyAValues());
        YearMonth next = thisMonth().plusMonths(1);
        assertThat(regions.policyOf(k.code()).workingAge()).as("the default").isEqualTo(
                new org.doudi.household.WorkingAge(16, 60));

        Answer added = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + next + "\",\"workingAgeUntil\":55}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode v = json.readTree(added.body());
        assertThat(v.path("workingAgeFrom").asInt()).as("left out: carried over").isEqualTo(16);
        assertThat(v.path("workingAgeUntil").asInt()).isEqualTo(55);
        assertThat(v.path("dibaoStandard").decimalValue()).isEqualByComparingTo("600.00");

        Answer later = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + next.plusMonths(2)
                + "\",\"dibaoStandard\":650}");
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        JsonNode versions = get(REVIEWER1, k.code()).path("versions");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).path("workingAgeUntil").asInt()).as("the old version stays").isEqualTo(60);
        assertThat(versions.get(1).path("workingAgeUntil").asInt()).isEqualTo(55);
        assertThat(versions.get(2).path("workingAgeUntil").asInt()).as("carried over from the version before")
                .isEqualTo(55);
        assertThat(regions.policyOf(k.code(), thisMonth()).workingAge().until()).isEqualTo(60);
        assertThat(regions.policyOf(k.code(), next).workingAge().until()).isEqualTo(55);
        assertThat(regions.policyOf(k.code(), next.plusMonths(5)).workingAge().until()).isEqualTo(55);
        assertThat(versions.get(2).has("workingAgeUntilFemale")).as("none: the same for women").isFalse();

        // Men until 60, women until 55; then the separate age for women cleared again with null.
        Answer women = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + next.plusMonths(3)
                + "\",\"workingAgeUntil\":60,\"workingAgeUntilFemale\":55}");
        assertThat(women.status()).as(women.body()).isEqualTo(201);
        assertThat(regions.policyOf(k.code(), next.plusMonths(3)).workingAge()).isEqualTo(
                new org.doudi.household.WorkingAge(16, 60, 55));
        Answer carried = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + next.plusMonths(4)
                + "\",\"dibaoStandard\":660}");
        assertThat(json.readTree(carried.body()).path("workingAgeUntilFemale").asInt()).isEqualTo(55);
        Answer cleared = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + next.plusMonths(5)
                + "\",\"workingAgeUntilFemale\":null}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(201);
        assertThat(regions.policyOf(k.code(), next.plusMonths(5)).workingAge()).isEqualTo(
                new org.doudi.household.WorkingAge(16, 60));
    }

    @Test
    void aWorkingAgeOutsideItsBoundsIsRefusedNamingTheField() throws Exception {
        County k = counties.create(TestCounties.countyAValues());
        String month = "\"effectiveFrom\":\"" + thisMonth().plusMonths(1) + "\"";

        Answer both = post(k.reviewer(), k.code(), "{" + month + ",\"workingAgeFrom\":13,\"workingAgeUntil\":71}");
        assertThat(both.status()).as(both.body()).isEqualTo(400);
        assertThat(errorFields(both)).containsExactlyInAnyOrder("workingAgeFrom", "workingAgeUntil");
        assertThat(both.body()).contains("劳动年龄起始年龄", "14 到 18", "劳动年龄截止年龄", "50 到 70");

        Answer young = post(k.reviewer(), k.code(), "{" + month + ",\"workingAgeUntil\":49}");
        assertThat(young.status()).isEqualTo(400);
        assertThat(errorFields(young)).containsExactly("workingAgeUntil");
        Answer old = post(k.reviewer(), k.code(), "{" + month + ",\"workingAgeFrom\":19}");
        assertThat(old.status()).isEqualTo(400);
        assertThat(errorFields(old)).containsExactly("workingAgeFrom");
        Answer text = post(k.reviewer(), k.code(), "{" + month + ",\"workingAgeUntil\":\"55岁\"}");
        assertThat(text.status()).isEqualTo(400);
        assertThat(errorFields(text)).containsExactly("workingAgeUntil");
        Answer women = post(k.reviewer(), k.code(), "{" + month + ",\"workingAgeUntilFemale\":45}");
        assertThat(women.status()).isEqualTo(400);
        assertThat(errorFields(women)).containsExactly("workingAgeUntilFemale");
        assertThat(women.body()).contains("女性劳动年龄截止年龄");
        Answer fraction = post(k.reviewer(), k.code(), "{" + month + ",\"workingAgeUntil\":55.5}");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(errorFields(fraction)).containsExactly("workingAgeUntil");

        assertThat(get(REVIEWER1, k.code()).path("versions")).as("nothing stored").hasSize(1);
        assertThat(regions.policyOf(k.code(), thisMonth().plusMonths(1)).workingAge().until()).isEqualTo(60);
    }
}
