package org.doudi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A 低保 case carried to APPROVED over HTTP only, as an integrator would: {@code /api} for the case,
 * {@code /engine-rest} for the tasks, each as the user whose inbox holds the task.
 */
@IntegrationTest
class EngineRestPathTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver driver;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, PASSWORD);
        return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** The one open task of the case in the user's view, or null. */
    JsonNode taskOf(String user, String caseNumber) throws Exception {
        ResponseEntity<String> r = send(user, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber,
                null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode tasks = json.readTree(r.getBody());
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    ResponseEntity<String> complete(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return send(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }

    @Test
    void caseTakenToApprovedOverHttp() throws Exception {
        ResponseEntity<String> created = send(CASEWORKER1, HttpMethod.POST, "/api/applications", Map.of(
                "programme", "DIBAO", "villageCode", VILLAGE_A1,
                "applicant", Map.of("name", "张三", "idNumber", ResidentIds.ofAge(45), "phone", "13800000000"),
                "members", List.of(Map.of("name", "李四", "idNumber", ResidentIds.ofAge(43), "relation", "配偶")),
                "reason", "因病致贫"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        String n = json.readTree(created.getBody()).path("caseNumber").asText();

        assertThat(taskOf(CASEWORKER2, n)).as("another township's inbox").isNull();
        JsonNode accept = taskOf(CASEWORKER1, n);
        assertThat(accept.path("taskDefinitionKey").asText()).isEqualTo("Task_AcceptApplication");
        assertThat(complete(CASEWORKER2, accept.path("id").asText(), Map.of("accepted", true)).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(complete(CASEWORKER1, accept.path("id").asText(), Map.of("accepted", true)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        driver.runDataVerification(n); // the job executor's work, done by the test
        JsonNode visit = taskOf(CASEWORKER1, n);
        assertThat(visit.path("taskDefinitionKey").asText()).isEqualTo("Task_HomeVisit");
        Map<String, Object> figures = new HashMap<>(Map.of("wageIncome", 700.5, "employmentCost", 100,
                "businessIncome", 0, "propertyIncome", 0, "transferIncome", "0", "rigidExpense", 0,
                "visitNotes", "两人入户"));
        ResponseEntity<String> incomplete = complete(CASEWORKER1, visit.path("id").asText(), figures);
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody()).contains("assetsWithinLimit");
        assertThat(taskOf(CASEWORKER1, n).path("id").asText()).isEqualTo(visit.path("id").asText());

        figures.put("assetsWithinLimit", true);
        assertThat(complete(CASEWORKER1, visit.path("id").asText(), figures).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode review = taskOf(CASEWORKER1, n);
        assertThat(review.path("taskDefinitionKey").asText()).isEqualTo("Task_TownshipReview");
        assertThat(complete(CASEWORKER1, review.path("id").asText(), Map.of("townshipDecision", "approve"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        driver.letNoticeRunOut(n);
        assertThat(taskOf(CASEWORKER1, n)).as("decision is the county's").isNull();
        JsonNode decision = taskOf(REVIEWER1, n);
        assertThat(decision.path("taskDefinitionKey").asText()).isEqualTo("Task_CountyDecision");
        assertThat(complete(REVIEWER1, decision.path("id").asText(), Map.of("countyDecision", "approve"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(driver.carryOutDecisions(n)).as("the enrolment job, run by the test").isEqualTo(1);

        JsonNode c = json.readTree(send(CASEWORKER1, HttpMethod.GET, "/api/cases/" + n, null).getBody());
        assertThat(c.path("status").asText()).isEqualTo("APPROVED");
        // counted 600.50 for 2 people: 1 200 − 600.50
        assertThat(c.path("monthlyAmount").decimalValue()).isEqualByComparingTo("599.50");
        assertThat(c.path("benefitStartMonth").asText()).matches("\\d{4}-\\d{2}");
        assertThat(c.path("timeline").findValuesAsText("step")).contains("DECISION", "ENROLMENT");
    }

    @Test
    void engineRestNeedsCredentials() {
        assertThat(send(null, HttpMethod.GET, "/engine-rest/task", null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
