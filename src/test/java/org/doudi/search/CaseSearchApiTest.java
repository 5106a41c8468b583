package org.doudi.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.doudi.household.ResidentId;
import org.doudi.test.CaseDriver;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/cases?q=}: case search over real HTTP, as the demo users inside and outside their regions.
 * Names are fresh per test, so that the cases of other tests in the shared database do not count.
 */
@IntegrationTest
class CaseSearchApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SearchBackfill backfill;
    @Autowired
    SearchKey key;

    private static final String ADMIN = "admin";

    private final ObjectMapper json = new ObjectMapper();

    /** A surname and given name no other test uses: three random CJK characters after a fixed one. */
    private static String freshName() {
        StringBuilder name = new StringBuilder("检");
        for (int i = 0; i < 3; i++) {
            name.append((char) (0x4E00 + ThreadLocalRandom.current().nextInt(0x4000)));
        }
        return name.toString();
    }

    private String apply(String user, String village, String programme, String applicantName, String applicantId,
            String memberName, String memberId) throws Exception {
        List<Map<String, Object>> members = new ArrayList<>();
        if (memberId != null) {
            members.add(Map.of("name", memberName, "idNumber", memberId, "relation", "SPOUSE"));
        }
        Map<String, Object> body = Map.of("programme", programme, "villageCode", village,
                "applicant", Map.of("name", applicantName, "idNumber", applicantId, "phone", "13800000000"),
                "members", members, "reason", "因病致贫");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD).exchange("/api/applications", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(r.getBody()).path("caseNumber").asText();
    }

    private String apply(String user, String village, String applicantName) throws Exception {
        return apply(user, village, "DIBAO", applicantName, ResidentIds.ofAge(45), null, null);
    }

    private ResponseEntity<String> search(String user, Map<String, String> params) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/cases");
        params.forEach(uri::queryParam);
        return http.withBasicAuth(user, PASSWORD).getForEntity(uri.encode().build().toUri(), String.class);
    }

    private JsonNode found(String user, Map<String, String> params) throws Exception {
        ResponseEntity<String> r = search(user, params);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.path("items").forEach(i -> numbers.add(i.path("caseNumber").asText()));
        return numbers;
    }

    @Test
    void findsACaseByItsNumberOnlyWithinTheSearchersRegion() throws Exception {
        String name = freshName();
        String number = apply(CASEWORKER1, VILLAGE_A1, name);

        JsonNode page = found(CASEWORKER1, Map.of("q", number));
        assertThat(numbers(page)).containsExactly(number);
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(20);
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("programme").asText()).isEqualTo("DIBAO");
        assertThat(item.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(item.path("applicantName").asText()).isEqualTo(name);
        assertThat(item.path("villageCode").asText()).isEqualTo(VILLAGE_A1);
        assertThat(item.path("villageName").asText()).isNotBlank();
        assertThat(item.path("submittedAt").asText()).isNotBlank();

        assertThat(numbers(found(REVIEWER1, Map.of("q", number)))).containsExactly(number);
        assertThat(numbers(found(ADMIN, Map.of("q", number)))).containsExactly(number);
        assertThat(numbers(found(SUPERVISOR1, Map.of("q", number)))).containsExactly(number);
        assertThat(numbers(found(CLERK1, Map.of("q", number)))).containsExactly(number);
        assertThat(found(CASEWORKER2, Map.of("q", number)).path("total").asLong()).isZero();
        assertThat(found(REVIEWER9, Map.of("q", number)).path("total").asLong()).isZero();
        assertThat(found(CASEWORKER9, Map.of("q", number)).path("items")).isEmpty();

        // its beginning, in lower case, finds it too
        String prefix = number.substring(0, number.length() - 2).toLowerCase();
        assertThat(numbers(found(CASEWORKER1, Map.of("q", prefix, "size", "100")))).contains(number);
    }

    @Test
    void findsTheCasesOfAPersonByTheFullIdOfTheApplicantOrOfAMemberAndMasksIt() throws Exception {
        String applicantId = ResidentIds.ofAge(45);
        String memberId = ResidentIds.ofAge(43);
        String first = apply(CASEWORKER1, VILLAGE_A1, "DIBAO", freshName(), applicantId, freshName(), memberId);

        ResponseEntity<String> byApplicant = search(CASEWORKER1, Map.of("q", applicantId));
        assertThat(byApplicant.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byApplicant.getBody()).doesNotContain(applicantId).doesNotContain(memberId);
        JsonNode page = json.readTree(byApplicant.getBody());
        assertThat(numbers(page)).containsExactly(first);
        assertThat(page.path("items").get(0).path("idNumberMasked").asText())
                .isEqualTo(ResidentId.mask(applicantId)).contains("****");

        ResponseEntity<String> byMember = search(REVIEWER1, Map.of("q", memberId));
        assertThat(byMember.getBody()).doesNotContain(memberId).doesNotContain(applicantId);
        assertThat(numbers(json.readTree(byMember.getBody()))).containsExactly(first);
        assertThat(found(REVIEWER9, Map.of("q", memberId)).path("total").asLong()).isZero();
        assertThat(found(CASEWORKER2, Map.of("q", applicantId)).path("total").asLong()).isZero();

        // The first application is not accepted; the member then applies himself, in the other township.
        driver.complete(CASEWORKER1, first, "Task_AcceptApplication",
                Map.of("accepted", false, "missingMaterials", "户口簿复印件"));
        String second = apply(CASEWORKER2, VILLAGE_A2, "DIBAO", freshName(), memberId, null, null);

        JsonNode both = found(REVIEWER1, Map.of("q", memberId));
        assertThat(numbers(both)).containsExactly(second, first);
        assertThat(both.path("total").asLong()).isEqualTo(2);
        assertThat(both.path("items").get(1).path("status").asText()).isEqualTo("NOT_ACCEPTED");
        assertThat(both.path("items").get(0).path("idNumberMasked").asText()).isEqualTo(ResidentId.mask(memberId));
        assertThat(numbers(found(CASEWORKER1, Map.of("q", memberId)))).containsExactly(first);
        assertThat(numbers(found(CASEWORKER2, Map.of("q", memberId)))).containsExactly(second);

        // An ID with a wrong check character is searched as it is, and finds nothing.
        assertThat(found(ADMIN, Map.of("q", ResidentIds.withBadChecksum(memberId))).path("total").asLong()).isZero();
        // The index holds no ID in clear.
        assertThat(jdbc.queryForObject("select count(*) from case_search_person where id_hmac = ?", Long.class,
                memberId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from case_search_person where id_hmac = ?", Long.class,
                key.hash(memberId))).isEqualTo(2);
    }

    @Test
    void findsByNameExactlyOrByItsBeginningAndPages() throws Exception {
        String family = freshName();
        String a = apply(CASEWORKER1, VILLAGE_A1, family + "甲");
        String b = apply(CASEWORKER1, VILLAGE_A1_WEST, "DIBAO", freshName(), ResidentIds.ofAge(50), family + "乙",
                ResidentIds.ofAge(48));
        String c = apply(CASEWORKER2, VILLAGE_A2, family + "丙");

        JsonNode first = found(REVIEWER1, Map.of("q", family, "size", "2"));
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(numbers(first)).containsExactly(c, b);
        JsonNode second = found(REVIEWER1, Map.of("q", family, "size", "2", "page", "1"));
        assertThat(numbers(second)).containsExactly(a);
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(found(REVIEWER1, Map.of("q", family, "size", "2", "page", "2")).path("items")).isEmpty();

        assertThat(numbers(found(CASEWORKER1, Map.of("q", family)))).containsExactly(b, a);
        assertThat(numbers(found(CASEWORKER2, Map.of("q", family)))).containsExactly(c);
        assertThat(numbers(found(ADMIN, Map.of("q", family + "乙")))).containsExactly(b);
        assertThat(numbers(found(CASEWORKER1, Map.of("q", family, "region", VILLAGE_A1)))).containsExactly(a);
        assertThat(found(REVIEWER9, Map.of("q", family)).path("total").asLong()).isZero();
        // wildcards are characters like any other
        assertThat(found(ADMIN, Map.of("q", family.substring(0, 1) + "%")).path("total").asLong()).isZero();
    }

    @Test
    void filtersByStatusAndProgrammeAndFollowsAStatusChange() throws Exception {
        String family = freshName();
        String accepted = apply(CASEWORKER1, VILLAGE_A1, family + "一");
        String waiting = apply(CASEWORKER1, VILLAGE_A1, family + "二");

        driver.accept(accepted);

        JsonNode all = found(CASEWORKER1, Map.of("q", family));
        assertThat(numbers(all)).containsExactly(waiting, accepted);
        assertThat(all.path("items").get(1).path("status").asText()).isEqualTo("INVESTIGATION");
        assertThat(numbers(found(CASEWORKER1, Map.of("q", family, "status", "INVESTIGATION"))))
                .containsExactly(accepted);
        assertThat(numbers(found(REVIEWER1, Map.of("q", family, "status", "submitted")))).containsExactly(waiting);
        assertThat(numbers(found(REVIEWER1, Map.of("q", family, "programme", "DIBAO")))).hasSize(2);
        JsonNode onePerPage = found(REVIEWER1, Map.of("q", family, "programme", "DIBAO", "size", "1"));
        assertThat(numbers(onePerPage)).containsExactly(waiting);
        assertThat(onePerPage.path("total").asLong()).isEqualTo(2);
        assertThat(found(CLERK1, Map.of("q", family, "size", "1")).path("total").asLong()).isEqualTo(2);
        assertThat(found(REVIEWER1, Map.of("q", family, "programme", "TEKUN")).path("total").asLong()).isZero();
        // without q: the region's cases, newest first, with the filters
        assertThat(numbers(found(CASEWORKER1, Map.of("status", "INVESTIGATION", "size", "100")))).contains(accepted)
                .doesNotContain(waiting);
    }

    @Test
    void refusesARegionOutsideTheSearchersOwnWith403() throws Exception {
        ResponseEntity<String> other = search(CASEWORKER1, Map.of("region", TOWNSHIP_A2));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.readTree(other.getBody()).path("detail").asText()).contains("无权查询");
        assertThat(search(CASEWORKER1, Map.of("region", COUNTY_A)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(search(REVIEWER9, Map.of("region", COUNTY_A, "q", "DB-")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(search(REVIEWER1, Map.of("region", VILLAGE_B1)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(search(POVERTY1, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(search(REVIEWER1, Map.of("region", TOWNSHIP_A2)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(search(CASEWORKER1, Map.of("region", VILLAGE_A1)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(search(ADMIN, Map.of("region", COUNTY_B)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/cases?q=DB-", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesBadParametersWithChineseLabelledFieldErrors() throws Exception {
        Map<Map<String, String>, String> bad = Map.of(
                Map.of("size", "0"), "size",
                Map.of("size", "101"), "size",
                Map.of("size", "many"), "size",
                Map.of("page", "-1"), "page",
                Map.of("status", "OPEN"), "status",
                Map.of("programme", "WUBAO"), "programme",
                Map.of("region", "13010"), "region",
                Map.of("region", "999999"), "region",
                Map.of("q", "检"), "q",
                Map.of("q", "检".repeat(51)), "q");
        for (var entry : bad.entrySet()) {
            ResponseEntity<String> r = search(REVIEWER1, entry.getKey());
            assertThat(r.getStatusCode()).as(entry.getKey().toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode error = json.readTree(r.getBody()).path("errors").get(0);
            assertThat(error.path("field").asText()).as(entry.getKey().toString()).isEqualTo(entry.getValue());
            assertThat(error.path("message").asText()).as(entry.getKey().toString()).containsPattern("「.+」");
        }
    }

    @Test
    void indexesAtStartTheCasesThatHaveNoEntryOrOneUnderAnotherKey() throws Exception {
        String memberId = ResidentIds.ofAge(40);
        String name = freshName();
        String number = apply(CASEWORKER1, VILLAGE_A1, "DIBAO", name, ResidentIds.ofAge(42), freshName(), memberId);
        Long id = jdbc.queryForObject("select case_id from case_search_entry where case_number = ?", Long.class,
                number);
        jdbc.update("delete from case_search_person where case_id = ?", id);
        jdbc.update("delete from case_search_entry where case_id = ?", id);
        assertThat(found(CASEWORKER1, Map.of("q", number)).path("total").asLong()).isZero();

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);

        assertThat(numbers(found(CASEWORKER1, Map.of("q", number)))).containsExactly(number);
        assertThat(numbers(found(CASEWORKER1, Map.of("q", memberId)))).containsExactly(number);
        assertThat(numbers(found(CASEWORKER1, Map.of("q", name)))).containsExactly(number);
        assertThat(backfill.run()).isZero();

        // rows hashed under another key are hashed again
        jdbc.update("update case_search_entry set key_id = 'old' where case_id = ?", id);
        jdbc.update("update case_search_person set id_hmac = 'stale' where case_id = ?", id);
        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);
        assertThat(numbers(found(CASEWORKER1, Map.of("q", memberId)))).containsExactly(number);
        assertThat(found(CASEWORKER1, Map.of("q", number)).path("items").get(0).path("applicantName").asText())
                .isEqualTo(name);
    }
}
