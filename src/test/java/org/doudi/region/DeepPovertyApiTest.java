package org.doudi.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.doudi.test.Demo.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.RawHttp;
import org.doudi.test.RawHttp.Answer;
import org.doudi.test.TestCounties;
import org.doudi.test.TestCounties.County;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/regions/{code}} and {@code PUT /api/regions/{code}/deep-poverty} over real HTTP, on a county of
 * their own (a second township and village added): who may flag, what a bad request changes (nothing), how a flag
 * reaches the villages below it and the open tasks in them.
 */
@IntegrationTest
class DeepPovertyApiTest {

    private static final String PREFIX = "deeppov-";

    @LocalServerPort
    int port;
    @Autowired
    TestCounties counties;
    @Autowired
    CaseDriver driver;
    @Autowired
    RegionRepository regionRepository;
    @Autowired
    RegionService regions;
    @Autowired
    JdbcTemplate db;

    RawHttp http;
    final ObjectMapper json = new ObjectMapper();
    County k;
    String township2;
    String village2;
    long caseId;
    int seq;

    @BeforeEach
    void aCountyOfItsOwn() {
        http = new RawHttp(port);
        k = counties.create(TestCounties.countyAValues());
        township2 = k.code() + "101";
        village2 = township2 + "201";
        regionRepository.save(new Region(township2, "测试县" + k.code() + "二镇", k.code()));
        regionRepository.save(new Region(village2, "测试县" + k.code() + "二村", township2));
        caseId = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 1)).id();
    }

    @AfterEach
    void removeRows() {
        db.update("delete from open_task where task_id like ?", PREFIX + "%");
    }

    Answer put(String user, String code, String body) {
        Map<String, String> headers = RawHttp.basic(user, PASSWORD);
        headers.put("Content-Type", "application/json");
        return http.send("PUT", "/api/regions/" + code + "/deep-poverty", headers, body);
    }

    JsonNode get(String user, String code) throws Exception {
        Answer a = http.send("GET", "/api/regions/" + code, RawHttp.basic(user, PASSWORD), (String) null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return json.readTree(a.body());
    }

    /** An open task of the read model in a village of the test county, written as a test row (flag left null). */
    String openTask(String village) {
        String id = PREFIX + k.code() + "-" + seq++;
        db.update("""
                insert into open_task (task_id, case_id, case_number, process_key, task_key, task_name, candidate_group,
                    village_code, township_code, county_code, created_at, due_at, escalation_level)
                values (?, ?, ?, 'AssistanceApplication', 'Task_HomeVisit', '入户调查', ?, ?, ?, ?,
                    current_timestamp, current_timestamp, 0)
                """, id, caseId, "DB-TEST-" + id, "township-" + village.substring(0, 9), village,
                village.substring(0, 9), village.substring(0, 6));
        return id;
    }

    String flagOfTask(String taskId) {
        return db.queryForObject("select deep_poverty from open_task where task_id = ?", String.class, taskId);
    }

    String flagOfRegion(String code) {
        return db.queryForObject("select deep_poverty from region where code = ?", String.class, code);
    }

    @Test
    void anOperatorFlagsACountyAndItsTownshipsVillagesAndOpenTasksLieInIt() throws Exception {
        String inVillage1 = openTask(k.village());
        String inVillage2 = openTask(village2);
        String elsewhere = openTask(VILLAGE_A1);

        Answer set = put("admin", k.code(), "{\"kind\":\"SANQU_SANZHOU\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode county = json.readTree(set.body());
        assertThat(county.path("code").asText()).isEqualTo(k.code());
        assertThat(county.path("deepPoverty").asText()).isEqualTo("SANQU_SANZHOU");
        assertThat(county.path("deepPovertyArea").path("label").asText()).isEqualTo("三区三州");

        JsonNode village = get(REVIEWER1, village2);
        assertThat(village.has("deepPoverty")).as("a village's own flag: none").isFalse();
        assertThat(village.path("deepPovertyArea").path("kind").asText()).isEqualTo("SANQU_SANZHOU");
        assertThat(village.path("deepPovertyArea").path("flaggedRegion").asText()).isEqualTo(k.code());
        assertThat(village.path("level").asText()).isEqualTo("VILLAGE");
        assertThat(village.path("parentCode").asText()).isEqualTo(township2);
        assertThat(regions.deepPovertyOf(k.village())).contains(DeepPoverty.SANQU_SANZHOU);
        assertThat(regions.deepPovertyOf(township2)).contains(DeepPoverty.SANQU_SANZHOU);
        assertThat(flagOfTask(inVillage1)).isEqualTo("SANQU_SANZHOU");
        assertThat(flagOfTask(inVillage2)).isEqualTo("SANQU_SANZHOU");
        assertThat(flagOfTask(elsewhere)).as("another county's task").isNull();

        // a 深度贫困乡镇 inside it: its villages stay in 三区三州, the wider kind
        assertThat(put("admin", township2, "{\"kind\":\"DEEP_POVERTY\"}").status()).isEqualTo(200);
        assertThat(regions.deepPovertyOf(village2)).contains(DeepPoverty.SANQU_SANZHOU);
        assertThat(flagOfTask(inVillage2)).isEqualTo("SANQU_SANZHOU");

        // the county's flag cleared: the township's remains, for its villages only
        Answer cleared = put("admin", k.code(), "{\"kind\":null}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(json.readTree(cleared.body()).has("deepPoverty")).isFalse();
        assertThat(json.readTree(cleared.body()).has("deepPovertyArea")).isFalse();
        assertThat(get(REVIEWER1, village2).path("deepPovertyArea").path("flaggedRegion").asText()).isEqualTo(township2);
        assertThat(regions.deepPovertyOf(village2)).contains(DeepPoverty.DEEP_POVERTY);
        assertThat(regions.deepPovertyOf(k.village())).isEmpty();
        assertThat(flagOfTask(inVillage2)).isEqualTo("DEEP_POVERTY");
        assertThat(flagOfTask(inVillage1)).isNull();

        assertThat(put("admin", township2, "{\"kind\":null}").status()).isEqualTo(200);
        assertThat(regions.deepPovertyOf(village2)).isEmpty();
        assertThat(flagOfTask(inVillage2)).isNull();
    }

    @Test
    void aVillageFlaggedOnItsOwnLiesInItsAreaAndItsNeighboursDoNot() throws Exception {
        assertThat(put("admin", village2, "{\"kind\":\"DEEP_POVERTY\"}").status()).isEqualTo(200);
        JsonNode village = get(CASEWORKER1, village2);
        assertThat(village.path("deepPoverty").asText()).isEqualTo("DEEP_POVERTY");
        assertThat(village.path("deepPovertyArea").path("label").asText()).isEqualTo("深度贫困地区");
        assertThat(get(CASEWORKER1, township2).has("deepPovertyArea")).as("the township above: not flagged").isFalse();
        assertThat(get(CASEWORKER1, k.village()).has("deepPovertyArea")).isFalse();
    }

    @Test
    void aTaskOpenedInAFlaggedAreaCarriesItsKind() {
        assertThat(put("admin", k.township(), "{\"kind\":\"DEEP_POVERTY\"}").status()).isEqualTo(200);
        String flagged = driver.submit(k.caseworker(), CaseDriver.dibao(k.village(), 1)).caseNumber();
        assertThat(db.queryForList("select deep_poverty from open_task where case_number = ?", String.class, flagged))
                .isNotEmpty().containsOnly("DEEP_POVERTY");
        String plain = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 1)).caseNumber();
        assertThat(db.queryForList("select deep_poverty from open_task where case_number = ?", String.class, plain))
                .isNotEmpty().containsOnlyNulls();
    }

    @Test
    void onlyAnOperatorSetsOrClearsAFlag() throws Exception {
        for (String user : List.of(k.reviewer(), k.caseworker(), SUPERVISOR1, REVIEWER1, POVERTY1)) {
            Answer refused = put(user, k.code(), "{\"kind\":\"SANQU_SANZHOU\"}");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(json.readTree(refused.body()).path("detail").asText()).contains("只有系统管理员");
        }
        assertThat(put(k.reviewer(), "999999", "{\"kind\":\"SANQU_SANZHOU\"}").status())
                .as("refused before anything is looked up").isEqualTo(403);
        assertThat(put(null, k.code(), "{\"kind\":\"SANQU_SANZHOU\"}").status()).isEqualTo(401);
        assertThat(flagOfRegion(k.code())).isNull();
        assertThat(regions.deepPovertyOf(k.village())).isEmpty();
    }

    @Test
    void anUnknownRegionIsNotFound() throws Exception {
        for (String code : List.of("999999", "999999100", "999999100201", "12345", "abc")) {
            Answer a = put("admin", code, "{\"kind\":\"DEEP_POVERTY\"}");
            assertThat(a.status()).as(code).isEqualTo(404);
            assertThat(json.readTree(a.body()).path("detail").asText()).as(code).contains("没有区划");
            assertThat(http.send("GET", "/api/regions/" + code, RawHttp.basic(CASEWORKER1, PASSWORD), (String) null)
                    .status()).as(code).isEqualTo(404);
        }
    }

    @Test
    void aBadKindIsRefusedInChineseAndChangesNothing() throws Exception {
        String open = openTask(k.village());
        assertThat(put("admin", k.township(), "{\"kind\":\"DEEP_POVERTY\"}").status()).isEqualTo(200);
        Map<String, String> bodies = Map.of(
                "{\"kind\":\"SANQU\"}", "kind",
                "{\"kind\":\"sanqu_sanzhou\"}", "kind",
                "{\"kind\":1}", "kind",
                "{\"kind\":true}", "kind",
                "{}", "kind",
                "{\"kind\":null,\"region\":\"" + k.code() + "\"}", "region",
                "[\"SANQU_SANZHOU\"]", "body",
                "kind=SANQU_SANZHOU", "body",
                "", "body");
        for (var b : bodies.entrySet()) {
            Answer a = put("admin", k.township(), b.getKey());
            assertThat(a.status()).as(b.getKey()).isEqualTo(400);
            JsonNode problem = json.readTree(a.body());
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            assertThat(fields).as(b.getKey()).contains(b.getValue());
            assertThat(problem.path("errors").toString()).as(b.getKey()).containsPattern("[\\u4e00-\\u9fff]");
        }
        Answer twice = put("admin", k.township(), "{\"kind\":null,\"kind\":\"SANQU_SANZHOU\"}");
        assertThat(twice.status()).as("a key given twice").isEqualTo(400);
        assertThat(flagOfRegion(k.township())).isEqualTo("DEEP_POVERTY");
        assertThat(flagOfTask(open)).isEqualTo("DEEP_POVERTY");
    }

    @Test
    void theChangeIsInTheAuditTrailWithTheOperatorAndTheCounty() {
        assertThat(put("admin", village2, "{\"kind\":\"DEEP_POVERTY\"}").status()).isEqualTo(200);
        assertThat(put(k.reviewer(), village2, "{\"kind\":null}").status()).isEqualTo(403);
        String path = "/api/regions/" + village2 + "/deep-poverty";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(db.queryForList(
                "select actor, outcome, region_code, detail from audit_entry where action = ? and target = ? order by id",
                "api.PUT /api/regions/{code}/deep-poverty", path))
                .extracting(r -> r.get("ACTOR") + " " + r.get("OUTCOME") + " " + r.get("REGION_CODE"))
                .containsExactly("admin SUCCESS " + k.code(), k.reviewer() + " REFUSED " + k.code()));
    }

    @Test
    void demoCountyBLiesInSanquSanzhouAndTownshipA2IsADeepPovertyTownship() throws Exception {
        JsonNode b1 = get(CASEWORKER9, VILLAGE_B1);
        assertThat(b1.path("name").asText()).isEqualTo("一乡北村");
        assertThat(b1.path("deepPovertyArea").path("kind").asText()).isEqualTo("SANQU_SANZHOU");
        assertThat(b1.path("deepPovertyArea").path("flaggedRegion").asText()).isEqualTo(COUNTY_B);
        assertThat(get(CASEWORKER1, VILLAGE_A2).path("deepPovertyArea").path("kind").asText()).isEqualTo("DEEP_POVERTY");
        assertThat(get(CASEWORKER1, VILLAGE_A1).has("deepPovertyArea")).isFalse();
    }
}
