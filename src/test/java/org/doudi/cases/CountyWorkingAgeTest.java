package org.doudi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.PASSWORD;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.RawHttp;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestCounties;
import org.doudi.test.TestCounties.County;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A county's working age (劳动年龄) through the real API: where it ends at 55, a member of 57 is shown as
 * presumed unable to work; 特困 eligibility still follows the national list of the 《特困人员认定办法》
 * (unable from 60), so a 57-year-old 特困 applicant without a finding of the home visit is able to work.
 */
@IntegrationTest
class CountyWorkingAgeTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCounties counties;
    @Autowired
    CaseDriver driver;
    @Autowired
    RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    final ObjectMapper json = new ObjectMapper();

    /** A county whose working age ends at 55 from this month on, set over the policy API. */
    County countyWithWorkingAgeUntil55() {
        County k = counties.create(TestCounties.countyAValues());
        Map<String, String> headers = RawHttp.basic(k.reviewer(), PASSWORD);
        headers.put("Content-Type", "application/json");
        RawHttp.Answer set = new RawHttp(port).send("POST", "/api/counties/" + k.code() + "/policies", headers,
                "{\"effectiveFrom\":\"" + YearMonth.now(ZoneId.of("Asia/Shanghai")) + "\",\"workingAgeUntil\":55}");
        assertThat(set.status()).as(set.body()).isEqualTo(201);
        return k;
    }

    String apply(County k, Map<String, Object> application) throws Exception {
        ResponseEntity<String> created = http.withBasicAuth(k.caseworker(), PASSWORD).postForEntity(
                "/api/applications", application, String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(created.getBody()).path("caseNumber").asText();
    }

    JsonNode members(County k, String n) throws Exception {
        ResponseEntity<String> c = http.withBasicAuth(k.caseworker(), PASSWORD).getForEntity("/api/cases/" + n,
                String.class);
        assertThat(c.getStatusCode()).as(c.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(c.getBody()).path("members");
    }

    @Test
    void aMemberOfFiftySevenIsPresumedUnableToWorkWhereTheWorkingAgeEndsAtFiftyFive() throws Exception {
        County k = countyWithWorkingAgeUntil55();
        County usual = counties.create(TestCounties.countyAValues());
        for (County c : List.of(k, usual)) {
            String n = apply(c, Map.of("programme", "DIBAO", "villageCode", c.village(),
                    "applicant", Map.of("name", "户主", "idNumber", ResidentIds.ofAge(50), "phone", "13800000000"),
                    "members", List.of(Map.of("name", "哥哥", "idNumber", ResidentIds.ofAge(57), "relation", "SIBLING"),
                            Map.of("name", "儿子", "idNumber", ResidentIds.ofAge(20), "relation", "CHILD")),
                    "reason", "因病致贫"));
            JsonNode m = members(c, n);
            assertThat(m).hasSize(3);
            assertThat(m.get(0).path("ableToWork").asBoolean()).as("50").isTrue();
            assertThat(m.get(1).path("ableToWork").asBoolean()).as("57 in county " + c.code())
                    .isEqualTo(c == usual);
            assertThat(m.get(2).path("ableToWork").asBoolean()).as("20").isTrue();
        }
    }

    @Test
    void aFiftySevenYearOld特困ApplicantIsStillJudgedByTheNationalList() throws Exception {
        County k = countyWithWorkingAgeUntil55();
        String n = apply(k, Map.of("programme", "TEKUN", "villageCode", k.village(),
                "applicant", Map.of("name", "申请人", "idNumber", ResidentIds.ofAge(57)), "members", List.of(),
                "reason", "无劳动能力、无生活来源"));
        assertThat(members(k, n).get(0).path("ableToWork").asBoolean()).as("the county's presumption").isFalse();

        driver.accept(k.caseworker(), n);
        driver.runDataVerification(n);
        assertThat(String.valueOf(tasks.getVariable(driver.task(n, "Task_HomeVisit").getId(), "workAbilityNote")))
                .contains("推定为有劳动能力");
        Map<String, Object> visit = new HashMap<>(CaseDriver.homeVisit(0, 0));
        visit.put("hasAbleSupporter", false);
        driver.homeVisit(k.caseworker(), n, visit); // no finding of its own: the presumption decides

        JsonNode c = json.readTree(http.withBasicAuth(k.caseworker(), PASSWORD).getForEntity("/api/cases/" + n,
                String.class).getBody());
        assertThat(c.path("details").path("income").path("eligibility").asText())
                .as("特困: unable only from 60, whatever the county's working age").isEqualTo("INELIGIBLE_ABLE_TO_WORK");
    }
}
