package org.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.doudi.cases.CaseRepository;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestTownships;
import org.doudi.test.TestTownships.Township;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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
 * What counts as an amount and as a text, over the real HTTP API and the task forms: a refused input is
 * a 400 naming the field, and nothing is created, paid or completed.
 */
@IntegrationTest
class CleanInputTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver driver;
    @Autowired
    TestTownships townships;
    @Autowired
    TaskService tasks;
    @Autowired
    CaseRepository cases;

    private final ObjectMapper json = new ObjectMapper();

    ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    JsonNode body(ResponseEntity<String> r) throws Exception {
        return json.readTree(r.getBody());
    }

    List<String> errorFields(ResponseEntity<String> r) throws Exception {
        List<String> fields = new ArrayList<>();
        body(r).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    /** A temporary-assistance application; {@code requestedAmount} and the texts as given. */
    static Map<String, Object> application(Object requestedAmount, String applicantName, String reason) {
        Map<String, Object> app = new HashMap<>();
        app.put("programme", "TEMPORARY");
        app.put("kind", "EMERGENCY");
        app.put("cause", "FIRE");
        app.put("villageCode", VILLAGE_A1);
        app.put("applicant", Map.of("name", applicantName, "idNumber", ResidentIds.ofAge(46), "phone", "13700000000"));
        app.put("members", List.of(Map.of("name", "配偶", "idNumber", ResidentIds.ofAge(44), "relation", "SPOUSE")));
        app.put("reason", reason);
        if (requestedAmount != null) {
            app.put("requestedAmount", requestedAmount);
        }
        return app;
    }

    long caseCount() {
        return cases.count();
    }

    // --- amounts in /api JSON --------------------------------------------------------------------

    @ParameterizedTest(name = "requestedAmount \"{0}\" is refused")
    @ValueSource(strings = {"１００", "١٠٠", "1e3", "+100", "0x10", "1,000", "100元", "NaN"})
    void anAmountInAStringMustBeWrittenInAsciiDigits(String amount) throws Exception {
        long before = caseCount();
        ResponseEntity<String> r = post(CASEWORKER1, "/api/applications", application(amount, "受灾户主", "家中失火"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(r)).containsExactly("requestedAmount");
        assertThat(r.getBody()).contains("ASCII digits");
        assertThat(caseCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "requestedAmount {0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "' 100 '   | 100.00",
            "100.50    | 100.50",
    })
    void anAmountInAStringOfAsciiDigitsIsTaken(String amount, String stored) throws Exception {
        ResponseEntity<String> r = post(CASEWORKER1, "/api/applications", application(amount, "受灾户主", "家中失火"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        String n = body(r).path("caseNumber").asText();
        assertThat(cases.findByCaseNumber(n).orElseThrow().requestedAmount()).isEqualByComparingTo(stored);
    }

    @Test
    void jsonNumbersAreAmountsAsTheyAre() throws Exception {
        for (Object number : List.of(100, 100.5, 1e3)) {
            ResponseEntity<String> r = post(CASEWORKER1, "/api/applications", application(number, "受灾户主", "家中失火"));
            assertThat(r.getStatusCode()).as(number + ": " + r.getBody()).isEqualTo(HttpStatus.CREATED);
        }
        ResponseEntity<String> huge = post(CASEWORKER1, "/api/applications",
                "{\"programme\": \"TEMPORARY\", \"requestedAmount\": 1e999999999}");
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(huge)).containsExactly("requestedAmount");
    }

    @Test
    void aFundAmountMustBeWrittenInAsciiDigitsAndARefusalMovesNothing() throws Exception {
        Township t = townships.withFund("100.00");
        String path = "/api/funds/" + t.code() + "/replenishments";
        for (String amount : List.of("１００", "1e3", "+100", "0x10")) {
            ResponseEntity<String> r = post(REVIEWER1, path, Map.of("amount", amount));
            assertThat(r.getStatusCode()).as(amount).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errorFields(r)).containsExactly("amount");
        }
        ResponseEntity<String> ok = post(REVIEWER1, path, Map.of("amount", " 50 "));
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(body(ok).path("balance").decimalValue()).isEqualByComparingTo("150.00");
    }

    // --- texts in /api JSON ----------------------------------------------------------------------

    @ParameterizedTest(name = "name U+{0}")
    @ValueSource(strings = {"\u0000", "\u200B", "\u3000\u3000", "\u202E", " \t ", "\uFEFF\u200D"})
    void aNameWithNothingVisibleIsMissing(String name) throws Exception {
        long before = caseCount();
        ResponseEntity<String> r = post(CASEWORKER1, "/api/applications", application(null, name, "家中失火"));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(r)).containsExactly("applicant.name");
        assertThat(caseCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "reason U+{0}")
    @ValueSource(strings = {"\u0000", "\u0000\u0000\u0000", "\u200B\u200C", "\n\r\n"})
    void aReasonWithNothingVisibleIsMissing(String reason) throws Exception {
        ResponseEntity<String> r = post(CASEWORKER1, "/api/applications", application(null, "受灾户主", reason));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(r)).containsExactly("reason");
    }

    @Test
    void controlAndInvisibleCharactersAreRemovedFromWhatIsKept() throws Exception {
        ResponseEntity<String> r = post(CASEWORKER1, "/api/applications",
                application(null, "\u3000受灾\u0000户主\u200B ", "家中\u0007失火\r\n生活无着\u202E"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode view = body(http.withBasicAuth(CASEWORKER1, PASSWORD)
                .getForEntity("/api/cases/" + body(r).path("caseNumber").asText(), String.class));
        assertThat(view.path("applicantName").asText()).isEqualTo("受灾户主");
        assertThat(cases.findByCaseNumber(body(r).path("caseNumber").asText()).orElseThrow().reason())
                .isEqualTo("家中失火\n生活无着");
    }

    @ParameterizedTest(name = "objection U+{0}")
    @ValueSource(strings = {"\u0000", "\u200B", "\u3000"})
    void anObjectionWithNothingVisibleIsMissing(String text) throws Exception {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 1)).caseNumber();
        ResponseEntity<String> r = post(CLERK1, "/api/cases/" + n + "/objections", Map.of("text", text));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(r)).containsExactly("text");
    }

    // --- duplicate keys --------------------------------------------------------------------------

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"programme\": \"DIBAO\", \"programme\": \"TEKUN\"}                            | programme",
            "{\"programme\": \"DIBAO\", \"applicant\": {\"name\": \"甲\", \"name\": \"乙\"}}   | applicant.name",
            "{\"members\": [{\"relation\": \"SPOUSE\", \"relation\": \"CHILD\"}]}             | members[0].relation",
    })
    void aRequestThatRepeatsAKeyIsRefusedNamingIt(String body, String field) throws Exception {
        ResponseEntity<String> r = post(CASEWORKER1, "/api/applications", body);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(errorFields(r)).containsExactly(field);
        assertThat(r.getBody()).contains("appears twice");
    }

    @Test
    void aReplenishmentThatRepeatsItsAmountMovesNothing() throws Exception {
        Township t = townships.withFund("100.00");
        ResponseEntity<String> r = post(REVIEWER1, "/api/funds/" + t.code() + "/replenishments",
                "{\"amount\": 1, \"amount\": 1000}");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(r)).containsExactly("amount");
        assertThat(body(http.withBasicAuth(REVIEWER1, PASSWORD).getForEntity("/api/funds/" + t.code(), String.class))
                .path("balance").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void camundasRestApiKeepsItsOwnJsonMapper() throws Exception {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 1)).caseNumber();
        String taskId = driver.task(n, "Task_AcceptApplication").getId();
        ResponseEntity<String> task = http.withBasicAuth(CASEWORKER1, PASSWORD)
                .getForEntity("/engine-rest/task/" + taskId, String.class);
        // Camunda's JacksonConfigurator: its date format and nulls written; ours would be ISO with a colon
        // in the offset and leave nulls out. So our amount module and duplicate check do not reach it.
        assertThat(body(task).path("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]{12}[+-]\\d{4}");
        assertThat(task.getBody()).contains("\"assignee\":null");
    }

    // --- task forms ------------------------------------------------------------------------------

    ResponseEntity<String> complete(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }

    @ParameterizedTest(name = "grantAmount \"{0}\" accepted: {1}")
    @CsvSource(delimiter = '|', value = {
            "１００  | false",
            "١٠٠    | false",
            "1e2    | false",
            "+100   | false",
            "0x64   | false",
            "100,00 | false",
            "' 100 '| true",
            "100.00 | true",
    })
    void aGrantAmountMustBeWrittenInAsciiDigits(String amount, boolean accepted) throws Exception {
        Township t = townships.withFund("1000.00");
        String n = driver.submit(t.caseworker(), CaseDriver.temporary(t.village(), "EMERGENCY", "FIRE", null))
                .caseNumber();
        driver.accept(t.caseworker(), n);
        String taskId = driver.task(n, "Task_EmergencyGrant").getId();

        ResponseEntity<String> r = complete(t.caseworker(), taskId, Map.of("grantAmount", amount));

        JsonNode fund = body(http.withBasicAuth(REVIEWER1, PASSWORD).getForEntity("/api/funds/" + t.code(),
                String.class));
        if (accepted) {
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(fund.path("balance").decimalValue()).isEqualByComparingTo("900.00");
        } else {
            assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody()).contains("grantAmount", "半角数字");
            assertThat(fund.path("balance").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "missingMaterials U+{0}")
    @ValueSource(strings = {"\u0000", "\u200B\u3000", " \n\t "})
    void aRequiredFormTextWithNothingVisibleIsMissing(String text) throws Exception {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 1)).caseNumber();
        String taskId = driver.task(n, "Task_AcceptApplication").getId();

        ResponseEntity<String> r = complete(CASEWORKER1, taskId, Map.of("accepted", false, "missingMaterials", text));

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("missingMaterials", "必须填写");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void aFormTextIsKeptWithoutItsControlCharacters() throws Exception {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 1)).caseNumber();
        String taskId = driver.task(n, "Task_AcceptApplication").getId();

        ResponseEntity<String> r = complete(CASEWORKER1, taskId,
                Map.of("accepted", false, "missingMaterials", "\u0000户口本\u200B\r\n收入证明 "));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode view = body(http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity("/api/cases/" + n, String.class));
        assertThat(view.path("status").asText()).isEqualTo("NOT_ACCEPTED");
        assertThat(view.path("timeline").toString()).contains("户口本\\n收入证明").doesNotContain("\\u0000");
    }
}
