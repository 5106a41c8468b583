package org.doudi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
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

/** {@code POST /api/applications} and {@code GET /api/cases/{n}} over real HTTP, as the demo users. */
@IntegrationTest
class ApplicationApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseRepository cases;

    private final ObjectMapper json = new ObjectMapper();

    static Map<String, Object> application(String village, String applicantId, List<Map<String, Object>> members) {
        return Map.of("programme", "DIBAO", "villageCode", village,
                "applicant", Map.of("name", "张三", "idNumber", applicantId, "phone", "13800000000"),
                "members", members, "reason", "因病致贫");
    }

    static Map<String, Object> memberOf(String idNumber) {
        return Map.of("name", "李四", "idNumber", idNumber, "relation", "spouse");
    }

    ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, PASSWORD);
        return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
    }

    JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    List<String> errorFields(ResponseEntity<String> response) throws Exception {
        List<String> fields = new ArrayList<>();
        body(response).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    void createsTheCaseAndItsProcessAndShowsItsTimeline() throws Exception {
        ResponseEntity<String> created = post(CASEWORKER1, "/api/applications", application(VILLAGE_A1,
                ResidentIds.ofAge(40), List.of(memberOf(ResidentIds.ofAge(38)))));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode c = body(created);
        String number = c.path("caseNumber").asText();
        assertThat(number).matches("DB-\\d{4}-130102100-\\d{6}");
        assertThat(c.path("processInstanceId").asText()).isNotBlank();
        assertThat(c.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/cases/" + number);

        JsonNode view = body(get(CASEWORKER1, "/api/cases/" + number));
        assertThat(view.path("programme").asText()).isEqualTo("DIBAO");
        assertThat(view.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(view.path("villageCode").asText()).isEqualTo(VILLAGE_A1);
        assertThat(view.path("householdSize").asInt()).isEqualTo(2);
        assertThat(view.path("timeline").get(0).path("step").asText()).isEqualTo("SUBMITTED");
        assertThat(view.path("timeline").get(0).path("actor").asText()).isEqualTo(CASEWORKER1);
        assertThat(view.path("applicantIdNumber").asText()).contains("****");
    }

    @Test
    void refusesABadResidentIdChecksumNamingTheField() throws Exception {
        String bad = ResidentIds.withBadChecksum(ResidentIds.ofAge(40));
        ResponseEntity<String> r = post(CASEWORKER1, "/api/applications",
                application(VILLAGE_A1, ResidentIds.ofAge(40), List.of(memberOf(bad))));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(errorFields(r)).containsExactly("members[0].idNumber");
        assertThat(body(r).path("status").asInt()).isEqualTo(400);
    }

    @Test
    void refusesAnUnknownVillageAndMissingFieldsAllAtOnce() throws Exception {
        Map<String, Object> body = Map.of("programme", "DIBAO", "villageCode", "130102100299",
                "applicant", Map.of("name", "张三"), "members", List.of());
        ResponseEntity<String> r = post(CASEWORKER1, "/api/applications", body);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(r)).contains("villageCode", "applicant.idNumber", "reason");
    }

    @Test
    void refusesWrongJsonTypesNamingTheField() throws Exception {
        Map<String, Object> member = Map.of("name", "李四", "idNumber", ResidentIds.ofAge(30), "relation", "CHILD",
                "disabilityGrade", "severe");
        ResponseEntity<String> r = post(CASEWORKER1, "/api/applications",
                application(VILLAGE_A1, ResidentIds.ofAge(40), List.of(member)));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(r)).containsExactly("members[0].disabilityGrade");

        ResponseEntity<String> malformed = post(CASEWORKER1, "/api/applications", "{\"programme\": ");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<String> wrongMethod = http.withBasicAuth(CASEWORKER1, PASSWORD)
                .exchange("/api/applications", HttpMethod.DELETE, null, String.class);
        assertThat(wrongMethod.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(wrongMethod.getHeaders().getContentType().toString()).contains("application/problem+json");
    }

    @Test
    void refusesASecondOpenCaseForTheSamePersonAndProgramme() throws Exception {
        String id = ResidentIds.ofAge(40);
        assertThat(post(CASEWORKER1, "/api/applications", application(VILLAGE_A1, id, List.of())).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> again = post(CASEWORKER1, "/api/applications", application(VILLAGE_A1_WEST, id,
                List.of()));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(again).path("existingCaseNumber").asText()).startsWith("DB-");

        // Also when the person is a member of the household of another open application.
        ResponseEntity<String> asMember = post(CASEWORKER1, "/api/applications",
                application(VILLAGE_A1, ResidentIds.ofAge(41), List.of(memberOf(id))));
        assertThat(asMember.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errorFields(asMember)).containsExactly("members[0].idNumber");
    }

    @Test
    void twentyIdenticalRequestsAtOnceCreateExactlyOneCase() throws Exception {
        String id = ResidentIds.ofAge(40);
        Map<String, Object> body = application(VILLAGE_A1, id, List.of(memberOf(ResidentIds.ofAge(39))));
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<ResponseEntity<String>> call = () -> {
                start.await();
                return post(CASEWORKER1, "/api/applications", body);
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<HttpStatus> statuses = new ArrayList<>();
        for (Future<ResponseEntity<String>> f : results) {
            statuses.add(HttpStatus.valueOf(f.get().getStatusCode().value()));
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == HttpStatus.CREATED).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == HttpStatus.CONFLICT).hasSize(n - 1);
        assertThat(cases.findAll()).filteredOn(c -> c.applicantIdNumber().equals(id)).hasSize(1);
    }

    @Test
    void asksForCredentialsAndKeepsEachUserInHisRegion() throws Exception {
        Map<String, Object> app = application(VILLAGE_A1, ResidentIds.ofAge(40), List.of());
        assertThat(post(null, "/api/applications", app).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // (A wrong password for a real user would lock him out for a while: Camunda's login throttling.)
        assertThat(http.withBasicAuth("nobody", "wrong").getForEntity("/api/cases/x", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> otherTownship = post(CASEWORKER2, "/api/applications", app);
        assertThat(otherTownship.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        String number = body(post(CLERK1, "/api/applications", app)).path("caseNumber").asText();
        assertThat(get(CASEWORKER1, "/api/cases/" + number).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(REVIEWER1, "/api/cases/" + number).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(SUPERVISOR1, "/api/cases/" + number).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(CASEWORKER2, "/api/cases/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(REVIEWER9, "/api/cases/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(POVERTY1, "/api/cases/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(CASEWORKER1, "/api/cases/DB-0000-000000000-000000").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void temporaryAssistanceNeedsItsKindAndAKnownCause() throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(application(VILLAGE_A1, ResidentIds.ofAge(40), List.of()));
        body.put("programme", "TEMPORARY");
        ResponseEntity<String> noKind = post(CASEWORKER1, "/api/applications", body);
        assertThat(noKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(noKind)).containsExactly("kind");

        body.put("kind", "EMERGENCY");
        body.put("cause", "THEFT");
        assertThat(errorFields(post(CASEWORKER1, "/api/applications", body))).containsExactly("cause");

        body.put("cause", "FIRE");
        ResponseEntity<String> created = post(CASEWORKER1, "/api/applications", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(body(created).path("caseNumber").asText()).startsWith("LS-");

        Map<String, Object> dibaoWithKind = new java.util.HashMap<>(application(VILLAGE_A1, ResidentIds.ofAge(40),
                List.of()));
        dibaoWithKind.put("kind", "EMERGENCY");
        assertThat(errorFields(post(CASEWORKER1, "/api/applications", dibaoWithKind))).containsExactly("kind");
    }

    @Test
    void objectionsOnlyDuringTheNotice() throws Exception {
        String number = body(post(CASEWORKER1, "/api/applications",
                application(VILLAGE_A1, ResidentIds.ofAge(40), List.of()))).path("caseNumber").asText();
        ResponseEntity<String> early = post(CLERK1, "/api/cases/" + number + "/objections", Map.of("text", "有车"));
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> blank = post(CLERK1, "/api/cases/" + number + "/objections", Map.of("text", " "));
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorFields(blank)).containsExactly("text");
        ResponseEntity<String> elsewhere = post(CASEWORKER2, "/api/cases/" + number + "/objections",
                Map.of("text", "有车"));
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
