package org.doudi.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/**
 * A county's numbers for enrolled households and its 分类施保 over {@code /api/counties/{county}/policies}: set
 * from a month on, kept by later versions, shown; values outside their bounds refused field by field.
 */
@IntegrationTest
class CountyEnrolmentPolicyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestCounties counties;
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

    List<String> errorFields(Answer a) throws Exception {
        List<String> fields = new ArrayList<>();
        json.readTree(a.body()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    static YearMonth thisMonth() {
        return YearMonth.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aCountySetsItsAllowancesAndEnrolmentRulesFromAMonthOnAndLaterVersionsKeepThem() throws Exception {
        County k = counties.create(TestCounties.countyAValues());
        YearMonth next = thisMonth().plusMonths(1);
        Answer added = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + next + "\",\"elderlyAge\":65,"
                + "\"elderlyAllowanceBasis\":\"PERCENT\",\"elderlyAllowance\":15,\"minorAllowanceBasis\":\"fixed\","
                + "\"minorAllowance\":45.50,\"seriousIllnessAllowanceBasis\":\"FIXED\",\"seriousIllnessAllowance\":80,"
                + "\"reviewMonthsStable\":24,\"reviewMonthsChanging\":3,\"phaseOutMonths\":4,\"phaseOutShare\":0.75,"
                + "\"prorateFirstMonth\":true,\"paymentRollDay\":25}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode v = json.readTree(added.body());
        assertThat(v.path("elderlyAge").asInt()).isEqualTo(65);
        assertThat(v.path("elderlyAllowanceBasis").asText()).isEqualTo("PERCENT");
        assertThat(v.path("elderlyAllowance").decimalValue()).isEqualByComparingTo("15");
        assertThat(v.path("minorAllowanceBasis").asText()).isEqualTo("FIXED");
        assertThat(v.path("minorAllowance").decimalValue()).isEqualByComparingTo("45.50");
        assertThat(v.has("severeDisabilityAllowanceBasis")).as("none set").isFalse();
        assertThat(v.path("phaseOutShare").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(v.path("prorateFirstMonth").asBoolean()).isTrue();
        assertThat(v.path("paymentRollDay").asInt()).isEqualTo(25);

        CountyPolicy stored = regions.policyOf(k.code(), next);
        assertThat(stored.enrolmentRules()).isEqualTo(new EnrolmentRules(24, 3, 4, stored.enrolmentRules()
                .phaseOutShare(), true, 25));
        assertThat(stored.enrolmentRules().phaseOutShare()).isEqualByComparingTo("0.75");
        assertThat(stored.allowances().elderly().basis()).isEqualTo(Allowances.Basis.PERCENT);
        assertThat(stored.allowances().severeDisability()).isNull();
        // the version before keeps V18's defaults
        assertThat(regions.policyOf(k.code(), thisMonth()).enrolmentRules()).usingRecursiveComparison()
                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                .isEqualTo(EnrolmentRules.DEFAULT);
        assertThat(regions.policyOf(k.code(), thisMonth()).allowances()).isEqualTo(Allowances.NONE);

        // a later version changes the standard only, clears the minors' allowance, keeps the rest
        Answer later = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + next.plusMonths(1) + "\","
                + "\"dibaoStandard\":650,\"minorAllowanceBasis\":null,\"minorAllowance\":null}");
        assertThat(later.status()).as(later.body()).isEqualTo(201);
        CountyPolicy third = regions.policyOf(k.code(), next.plusMonths(1));
        assertThat(third.allowances().minor()).isNull();
        assertThat(third.allowances().elderly()).isEqualTo(stored.allowances().elderly());
        assertThat(third.allowances().elderlyAge()).isEqualTo(65);
        assertThat(third.enrolmentRules().paymentRollDay()).isEqualTo(25);
    }

    @Test
    void enrolmentRulesAndAllowancesOutsideTheirBoundsAreRefusedFieldByField() throws Exception {
        County k = counties.create(TestCounties.countyAValues());
        Answer bad = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + thisMonth().plusMonths(1) + "\","
                + "\"reviewMonthsStable\":0,\"reviewMonthsChanging\":25,\"phaseOutMonths\":7,\"phaseOutShare\":1.5,"
                + "\"paymentRollDay\":29,\"elderlyAge\":30,\"elderlyAllowanceBasis\":\"PERCENT\","
                + "\"elderlyAllowance\":150,\"minorAllowanceBasis\":\"FIXED\",\"severeDisabilityAllowance\":20,"
                + "\"seriousIllnessAllowanceBasis\":\"SOME\",\"seriousIllnessAllowance\":-5,\"prorateFirstMonth\":1}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("reviewMonthsStable", "reviewMonthsChanging",
                "phaseOutMonths", "phaseOutShare", "paymentRollDay", "elderlyAge", "elderlyAllowance",
                "minorAllowance", "severeDisabilityAllowanceBasis", "seriousIllnessAllowanceBasis",
                "seriousIllnessAllowance", "prorateFirstMonth");
        assertThat(bad.body()).contains("渐退期原则上不超过 6 个月", "发放名册生成日", "0 到 100");

        Answer share = post(k.reviewer(), k.code(), "{\"effectiveFrom\":\"" + thisMonth().plusMonths(1) + "\","
                + "\"phaseOutShare\":0.12345}");
        assertThat(share.status()).isEqualTo(400);
        assertThat(errorFields(share)).containsExactly("phaseOutShare");
        assertThat(regions.policyVersions(k.code())).hasSize(1);
    }

    @Test
    void theDemoCountiesPayTheirAllowances() throws Exception {
        Answer a = http.send("GET", "/api/counties/" + COUNTY_A + "/policies", RawHttp.basic(REVIEWER1, PASSWORD),
                (String) null);
        JsonNode first = json.readTree(a.body()).path("versions").get(0);
        assertThat(first.path("elderlyAge").asInt()).isEqualTo(60);
        assertThat(first.path("elderlyAllowanceBasis").asText()).isEqualTo("PERCENT");
        assertThat(first.path("elderlyAllowance").decimalValue()).isEqualByComparingTo("10");
        assertThat(first.path("severeDisabilityAllowance").decimalValue()).isEqualByComparingTo("20");
        assertThat(first.path("seriousIllnessAllowanceBasis").asText()).isEqualTo("FIXED");
        assertThat(first.path("seriousIllnessAllowance").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(regions.policyOf(COUNTY_B).allowances().elderly().basis()).isEqualTo(Allowances.Basis.FIXED);
    }
}
