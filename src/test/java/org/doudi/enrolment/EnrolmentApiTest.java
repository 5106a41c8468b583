package org.doudi.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.cases.AssistanceCase;
import org.doudi.test.CaseDriver;
import org.doudi.region.StaffScope;
import org.doudi.test.IntegrationTest;
import org.doudi.test.StatementCounter;
import org.doudi.test.StatementCounter.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/enrolments} and {@code GET /api/enrolments/{n}} over real HTTP: scoped to the caller's regions
 * as cases are (another township's enrolment is "not found", another region refused), bad parameters answered
 * with a Chinese 400 that names them.
 */
@IntegrationTest
class EnrolmentApiTest {

    @Autowired
    CaseDriver driver;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatementCounter statements;
    @Autowired
    EnrolmentQueries queries;

    /** Amounts read as written (a double would turn 800.00 into 800.0). */
    final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    /** An enrolment of township A1 (county A), made by an approval. */
    String a1;

    @BeforeEach
    void anEnrolmentInTownshipA1() {
        AssistanceCase c = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2));
        String n = c.caseNumber();
        driver.investigate(n, homeVisit(600, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.letNoticeRunOut(n);
        driver.decide(REVIEWER1, n, "approve", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(
                "select enrolment_number from enrolment where case_id = ? and enrolment_number is not null",
                String.class, c.id()).isEmpty());
        a1 = jdbc.queryForObject("select enrolment_number from enrolment where case_id = ?", String.class, c.id());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
    }

    JsonNode ok(String user, String path) throws Exception {
        ResponseEntity<String> r = get(user, path);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.path("items").forEach(i -> numbers.add(i.path("enrolmentNumber").asText()));
        return numbers;
    }

    @Test
    void theTownshipSeesItsOwnEnrolmentsNewestFirstWithTheFieldsOfTheContract() throws Exception {
        JsonNode page = ok(CASEWORKER1, "/api/enrolments?size=100");
        assertThat(numbers(page)).first().isEqualTo(a1);
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("programme").asText()).isEqualTo("DIBAO");
        assertThat(item.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(item.path("householdSize").asInt()).isEqualTo(2);
        assertThat(item.path("coveredPeople").asInt()).isEqualTo(2);
        // 600 × 2 − 600; two able adults: no allowance applies
        assertThat(item.path("monthlyAmount").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(item.path("townshipCode").asText()).isEqualTo(TOWNSHIP_A1);
        assertThat(item.path("since").asText()).matches("\\d{4}-\\d{2}-01");
        assertThat(item.path("nextReviewDue").asText()).matches("\\d{4}-\\d{2}-01");
        page.path("items").forEach(i -> assertThat(i.path("townshipCode").asText()).isEqualTo(TOWNSHIP_A1));
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(100);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(page.path("items").size());

        JsonNode filtered = ok(REVIEWER1, "/api/enrolments?region=" + TOWNSHIP_A1
                + "&status=active&programme=DIBAO&size=100");
        assertThat(numbers(filtered)).contains(a1);
        assertThat(numbers(ok(REVIEWER1, "/api/enrolments?region=" + COUNTY_A + "&status=ENDED&size=100")))
                .doesNotContain(a1);
        assertThat(numbers(ok(REVIEWER1, "/api/enrolments?programme=TEKUN&size=100"))).doesNotContain(a1);
        assertThat(numbers(ok("admin", "/api/enrolments?region=" + VILLAGE_A1 + "&size=100"))).contains(a1);
    }

    @Test
    void aPageAtATimeWithTheTotal() throws Exception {
        JsonNode all = ok(REVIEWER1, "/api/enrolments?region=" + COUNTY_A + "&size=100");
        JsonNode first = ok(REVIEWER1, "/api/enrolments?region=" + COUNTY_A + "&size=1");
        assertThat(first.path("items")).hasSize(1);
        assertThat(first.path("total").asLong()).isEqualTo(all.path("total").asLong()).isPositive();
        if (first.path("total").asLong() > 1) {
            JsonNode second = ok(REVIEWER1, "/api/enrolments?region=" + COUNTY_A + "&size=1&page=1");
            assertThat(numbers(second)).doesNotContainAnyElementsOf(numbers(first));
        }
    }

    @Test
    void aPageIsReadInOneQueryWhateverItsSize() {
        StaffScope county = StaffScope.of(List.of("county-" + COUNTY_A));
        Recorded few = statements.record(() -> queries.list(new EnrolmentQueries.Criteria(COUNTY_A, null, null, 0, 2),
                county));
        Recorded many = statements.record(() -> queries.list(new EnrolmentQueries.Criteria(COUNTY_A, null, null, 0,
                100), county));
        assertThat(few.total()).as(few.summary()).isLessThanOrEqualTo(3); // the region's existence, the page, the count
        assertThat(many.total()).as(many.summary()).isLessThanOrEqualTo(few.total());
        assertThat(many.repeated()).isEmpty();
    }

    @Test
    void anotherTownshipNeitherListsNorFindsItAndAnotherRegionIsRefused() throws Exception {
        JsonNode page = ok(CASEWORKER2, "/api/enrolments?size=100");
        assertThat(numbers(page)).doesNotContain(a1);
        page.path("items").forEach(i -> assertThat(i.path("townshipCode").asText()).isEqualTo(TOWNSHIP_A2));

        assertThat(get(CASEWORKER2, "/api/enrolments/" + a1).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(CASEWORKER9, "/api/enrolments/" + a1).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(CASEWORKER1, "/api/enrolments/BZ-2026-130102100-999999").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> outside = get(CASEWORKER2, "/api/enrolments?region=" + TOWNSHIP_A1);
        assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.readTree(outside.getBody()).path("detail").asText()).contains("无权查看");
        // The poverty office sees only the cases referred to it, and no enrolments.
        assertThat(get(POVERTY1, "/api/enrolments").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/enrolments", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(ok(TSUPERVISOR1, "/api/enrolments/" + a1).path("enrolmentNumber").asText()).isEqualTo(a1);
        assertThat(ok(SUPERVISOR1, "/api/enrolments/" + a1).path("enrolmentNumber").asText()).isEqualTo(a1);
        assertThat(ok(CLERK1, "/api/enrolments/" + a1).path("villageCode").asText()).isEqualTo(VILLAGE_A1);
    }

    @Test
    void badParametersAreRefusedTogetherInChinese() throws Exception {
        ResponseEntity<String> r = get(REVIEWER1, "/api/enrolments?status=PAID&programme=TEMPORARY&page=-1&size=1000");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(r.getBody());
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> {
            fields.add(e.path("field").asText());
            assertThat(e.path("message").asText()).containsPattern("[\\u4e00-\\u9fff]");
        });
        assertThat(fields).containsExactly("status", "programme", "page", "size");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("保障状态", "ACTIVE（正常保障）");
        assertThat(problem.path("errors").get(1).path("message").asText()).contains("临时救助不纳入保障对象");

        for (String region : List.of("1301", "abcdef", "999999")) {
            ResponseEntity<String> bad = get(REVIEWER1, "/api/enrolments?region=" + region);
            assertThat(bad.getStatusCode()).as(region).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(bad.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("region");
        }
    }
}
