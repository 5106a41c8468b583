package org.doudi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.doudi.test.Demo.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.doudi.TimeConfig;
import org.doudi.security.LoginEvents;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The trail as staff meet it: what {@code /api} requests and logins leave in it, and who may read it. */
@IntegrationTest
class AuditApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    AuditTrail trail;
    @Autowired
    PlatformTransactionManager transactions;

    private final ObjectMapper json = new ObjectMapper();

    static Map<String, Object> application(String village, String applicantId, String memberId) {
        return Map.of("programme", "DIBAO", "villageCode", village,
                "applicant", Map.of("name", "张三", "idNumber", applicantId, "phone", "13800000000"),
                "members", List.of(Map.of("name", "李四", "idNumber", memberId, "relation", "SPOUSE")),
                "reason", "因病致贫");
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

    /** The items the administrator sees for a query, newest first. */
    List<JsonNode> audit(String query) throws Exception {
        ResponseEntity<String> r = get("admin", "/api/audit?size=200&" + query);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        List<JsonNode> items = new ArrayList<>();
        body(r).path("items").forEach(items::add);
        return items;
    }

    String submitted(String user, String village) throws Exception {
        ResponseEntity<String> created = post(user, "/api/applications",
                application(village, ResidentIds.ofAge(40), ResidentIds.ofAge(38)));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return body(created).path("caseNumber").asText();
    }

    @Test
    void anApplicationIsRecordedWithItsCaseAndCounty() throws Exception {
        String caseNumber = submitted(CASEWORKER1, VILLAGE_A1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit("caseNumber=" + caseNumber))
                .anySatisfy(e -> {
                    assertThat(e.path("action").asText()).isEqualTo("api.POST /api/applications");
                    assertThat(e.path("actor").asText()).isEqualTo(CASEWORKER1);
                    assertThat(e.path("target").asText()).isEqualTo(caseNumber);
                    assertThat(e.path("regionCode").asText()).isEqualTo(COUNTY_A);
                    assertThat(e.path("outcome").asText()).isEqualTo("SUCCESS");
                    assertThat(e.path("detail").asText()).startsWith("HTTP 201; fields: ")
                            .contains("programme", "villageCode", "applicant", "members", "reason");
                    assertThat(e.path("seq").asLong()).isPositive();
                    assertThat(e.path("at").asText()).isNotBlank();
                }));
    }

    @Test
    void aRefusedApplicationIsRecordedWithItsFieldNamesButNoIdNumber() throws Exception {
        String applicant = ResidentIds.ofAge(40);
        String bad = ResidentIds.withBadChecksum(ResidentIds.ofAge(38));
        ResponseEntity<String> refused = post(CASEWORKER2, "/api/applications", application(VILLAGE_A2, applicant, bad));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> mine = audit("actor=" + CASEWORKER2).stream()
                    .filter(e -> e.path("action").asText().equals("api.POST /api/applications"))
                    .filter(e -> e.path("outcome").asText().equals("REFUSED")).toList();
            assertThat(mine).isNotEmpty();
            JsonNode e = mine.get(0);
            assertThat(e.path("detail").asText()).startsWith("HTTP 400; fields: ")
                    .contains("programme", "villageCode", "applicant", "members", "reason");
            assertThat(e.path("regionCode").asText()).isEqualTo(COUNTY_A);
            assertThat(e.toString()).doesNotContain(applicant, bad, "13800000000", "张三");
        });
        String everything = jdbc.queryForList("select concat(actor, '|', action, '|', coalesce(target, ''), '|',"
                + " coalesce(detail, '')) from audit_entry", String.class).toString();
        assertThat(everything).doesNotContain(applicant, bad);
    }

    @Test
    void readingAPersonsFullRecordIsRecordedAsCaseRead() throws Exception {
        String caseNumber = submitted(CASEWORKER1, VILLAGE_A1);
        assertThat(get(CASEWORKER1, "/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(CASEWORKER9, "/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> reads = audit("caseNumber=" + caseNumber).stream()
                    .filter(e -> e.path("action").asText().equals("case.read")).toList();
            assertThat(reads).extracting(e -> e.path("actor").asText() + " " + e.path("outcome").asText() + " "
                    + e.path("detail").asText()).containsExactly(CASEWORKER9 + " REFUSED HTTP 404",
                            CASEWORKER1 + " SUCCESS HTTP 200");
            assertThat(reads).allSatisfy(e -> assertThat(e.path("regionCode").asText()).isEqualTo(COUNTY_A));
        });
    }

    @Test
    void otherReadsAreNotRecorded() throws Exception {
        String marker = "probe" + UUID.randomUUID().toString().replace("-", "");
        assertThat(get(CASEWORKER1, "/api/me?" + marker + "=1").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(CASEWORKER1, "/api/funds/" + TOWNSHIP_A1 + "?" + marker + "=2").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // A write after them: once it is in the trail, the reads before it would be too.
        assertThat(post(CASEWORKER1, "/api/cases/DB-2026-130102100-999999/objections?" + marker + "=3",
                Map.of("text", "x")).getStatusCode().is4xxClientError()).isTrue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit("actor=" + CASEWORKER1).stream()
                .filter(e -> e.path("detail").asText().contains(marker)))
                .extracting(e -> e.path("action").asText())
                .containsExactly("api.POST /api/cases/{caseNumber}/objections"));
    }

    @Test
    void requestsRefusedByAuthenticationAreRecordedAsAnonymous() throws Exception {
        String marker = "probe" + UUID.randomUUID().toString().replace("-", "");
        assertThat(post(null, "/api/applications?" + marker + "=1", Map.of("programme", "DIBAO")).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // Not a demo user: a wrong password would hold up his next logins (the engine's login delay).
        ResponseEntity<String> wrongPassword = http.withBasicAuth("ghost-" + marker, "wrong")
                .getForEntity("/api/cases/DB-2026-130102100-000001?" + marker + "=2", String.class);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> refused = audit("actor=anonymous").stream()
                    .filter(e -> e.path("detail").asText().contains(marker)).toList();
            assertThat(refused).extracting(e -> e.path("action").asText() + " " + e.path("outcome").asText())
                    .containsExactly("api.GET /api/cases/DB-2026-130102100-000001 REFUSED",
                            "api.POST /api/applications REFUSED");
            assertThat(refused).allSatisfy(e -> assertThat(e.path("detail").asText()).startsWith("HTTP 401"));
        });
    }

    @Test
    void anEntrySurvivesTheRollbackOfTheCallersTransaction() throws Exception {
        // No digits: a run of them in a random UUID can look like a phone number, which the trail masks.
        String target = "rollback-" + UUID.randomUUID().toString().chars()
                .mapToObj(c -> String.valueOf(Character.isDigit(c) ? (char) ('g' + c - '0') : (char) c))
                .collect(Collectors.joining());
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            trail.record(new AuditEvent(CASEWORKER1, "engine.task.complete", target, null, COUNTY_A,
                    AuditEvent.REFUSED, "HTTP 400", "10.0.0.1"));
            throw new IllegalStateException("the caller fails after recording");
        })).hasMessageContaining("the caller fails");

        assertThat(audit("actor=" + CASEWORKER1)).anySatisfy(e -> assertThat(e.path("target").asText())
                .isEqualTo(target));
    }

    @Test
    void loginEventsAreRecorded() throws Exception {
        String user = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        events.publishEvent(new LoginEvents.Failed(user, "10.1.2.3", "UNKNOWN_USER"));
        events.publishEvent(new LoginEvents.Locked(user, "10.1.2.3", java.time.Instant.parse("2026-12-01T10:00:00Z")));
        events.publishEvent(new LoginEvents.Unlocked(user, "admin"));

        List<JsonNode> failed = audit("actor=" + user);
        assertThat(failed).extracting(e -> e.path("action").asText() + " " + e.path("outcome").asText() + " "
                + e.path("detail").asText()).containsExactly("login.locked REFUSED locked until 2026-12-01T10:00:00Z",
                        "login.failed REFUSED UNKNOWN_USER");
        assertThat(failed.get(1).path("clientAddress").asText()).isEqualTo("10.1.2.3");
        assertThat(audit("actor=admin").stream().filter(e -> e.path("target").asText().equals(user)))
                .extracting(e -> e.path("action").asText()).containsExactly("login.unlocked");
    }

    @Test
    void aCountySupervisorSeesOnlyHisCountysEntries() throws Exception {
        String inA = submitted(CASEWORKER1, VILLAGE_A1);
        String inB = submitted(CASEWORKER9, VILLAGE_B1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !audit("caseNumber=" + inB).isEmpty());

        ResponseEntity<String> supervisor = get(SUPERVISOR1, "/api/audit?size=200");
        assertThat(supervisor.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode page = body(supervisor);
        assertThat(page.path("total").asLong()).isPositive();
        assertThat(page.path("items")).allSatisfy(e -> assertThat(e.path("regionCode").asText()).isEqualTo(COUNTY_A));
        assertThat(body(get(SUPERVISOR1, "/api/audit?caseNumber=" + inA)).path("items")).isNotEmpty();
        assertThat(body(get(SUPERVISOR1, "/api/audit?caseNumber=" + inB)).path("items")).isEmpty();
        assertThat(audit("caseNumber=" + inB)).extracting(e -> e.path("regionCode").asText()).contains(COUNTY_B);
    }

    @Test
    void othersMayNotReadOrVerifyTheTrail() throws Exception {
        for (String user : List.of(CASEWORKER1, REVIEWER1, TSUPERVISOR1, POVERTY1)) {
            ResponseEntity<String> r = get(user, "/api/audit");
            assertThat(r.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
            assertThat(body(r).path("detail").asText()).contains("审计日志");
        }
        assertThat(get(SUPERVISOR1, "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badParametersAreRefusedNamingThem() throws Exception {
        ResponseEntity<String> r = get("admin", "/api/audit?from=yesterday&to=2026-13-01&page=-1&size=abc");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> fields = new ArrayList<>();
        body(r).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly("from", "to", "page", "size");
        assertThat(body(r).path("errors").get(0).path("message").asText()).contains("起始时间", "ISO");

        ResponseEntity<String> backwards = get("admin", "/api/audit?from=2026-02-01&to=2026-01-01");
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void filtersByTimeAndCapsThePageSize() throws Exception {
        String caseNumber = submitted(CASEWORKER1, VILLAGE_A1);
        LocalDate today = TimeConfig.today(java.time.Clock.system(TimeConfig.LEGAL_ZONE));
        await().atMost(Duration.ofSeconds(10)).until(() -> !audit("caseNumber=" + caseNumber).isEmpty());

        assertThat(audit("caseNumber=" + caseNumber + "&from=" + today)).isNotEmpty();
        assertThat(audit("caseNumber=" + caseNumber + "&to=" + today.minusDays(1))).isEmpty();
        assertThat(audit("caseNumber=" + caseNumber + "&from=" + today.plusDays(1))).isEmpty();
        assertThat(audit("caseNumber=" + caseNumber + "&from=" + java.time.Instant.now().minusSeconds(600)
                + "&to=" + java.time.Instant.now().plusSeconds(600))).isNotEmpty();

        JsonNode page = body(get("admin", "/api/audit?size=5000&page=0"));
        assertThat(page.path("size").asInt()).isEqualTo(AuditController.MAX_PAGE_SIZE);
        assertThat(page.path("items").size()).isLessThanOrEqualTo(AuditController.MAX_PAGE_SIZE);
    }

    @Test
    void verificationFindsAColumnChangedInTheDatabaseAndPassesOnceItIsRestored() throws Exception {
        submitted(CASEWORKER1, VILLAGE_A1);
        JsonNode before = body(get("admin", "/api/audit/verify"));
        assertThat(before.path("valid").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.path("entries").asLong()).isPositive();
        assertThat(before.path("firstBrokenAt").isNull()).isTrue();

        long seq = jdbc.queryForObject("select min(seq) from audit_entry where action = 'api.POST /api/applications'",
                Long.class);
        String outcome = jdbc.queryForObject("select outcome from audit_entry where seq = ?", String.class, seq);
        jdbc.update("update audit_entry set outcome = ? where seq = ?", outcome.equals("SUCCESS") ? "FAILED" : "SUCCESS",
                seq);
        try {
            JsonNode broken = body(get("admin", "/api/audit/verify"));
            assertThat(broken.path("valid").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenAt").asLong()).isEqualTo(seq);
        } finally {
            jdbc.update("update audit_entry set outcome = ? where seq = ?", outcome, seq);
        }
        assertThat(body(get("admin", "/api/audit/verify")).path("valid").asBoolean()).isTrue();
    }
}
