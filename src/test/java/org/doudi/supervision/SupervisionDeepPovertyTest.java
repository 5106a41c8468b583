package org.doudi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.region.Region;
import org.doudi.region.RegionRepository;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.TestCounties;
import org.doudi.test.TestCounties.County;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.persistence.EntityManagerFactory;

/**
 * The supervision lists by deep-poverty area (深度贫困地区): {@code deepPoverty=true|false} keeps to the flagged areas
 * or to the others, every row says its area, and the totals count flagged and other work. On a county of its own,
 * whose rows no other test touches, seen by the operator (who supervises every region):
 * <ul>
 * <li>township 1: village 1 unflagged (3 overdue, 1 due soon), village 1b flagged 三区三州 on its own (2 overdue);</li>
 * <li>township 2 flagged 深度贫困 (its village 2: 4 overdue, 1 due soon).</li>
 * </ul>
 * The flags are set over the API after the rows are written: the rows follow the flags.
 */
@IntegrationTest
class SupervisionDeepPovertyTest {

    private static final String PREFIX = "supdeep-";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCounties counties;
    @Autowired
    RegionRepository regions;
    @Autowired
    CaseDriver driver;
    @Autowired
    JdbcTemplate db;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    private final ObjectMapper json = new ObjectMapper();
    private County k;
    private String village1b;
    private String township2;
    private String village2;
    private long caseId;
    private int seq;
    private final List<String> plain = new ArrayList<>();
    private final List<String> sanqu = new ArrayList<>();
    private final List<String> deep = new ArrayList<>();
    private String plainSoon;
    private String deepSoon;

    @BeforeEach
    void aCountyWithFlaggedAndOtherWork() {
        k = counties.create(TestCounties.countyAValues());
        village1b = k.township() + "202";
        township2 = k.code() + "101";
        village2 = township2 + "201";
        regions.save(new Region(village1b, "测试县" + k.code() + "一镇北村", k.township()));
        regions.save(new Region(township2, "测试县" + k.code() + "二镇", k.code()));
        regions.save(new Region(village2, "测试县" + k.code() + "二镇一村", township2));
        caseId = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 1)).id();

        // due on interleaved days, so that each filter keeps rows from the middle of the whole list
        for (int i = 0; i < 3; i++) {
            plain.add(row(k.village(), "Task_HomeVisit", day(3 * i)));
        }
        for (int i = 0; i < 2; i++) {
            sanqu.add(row(village1b, "Task_HomeVisit", day(3 * i + 1)));
        }
        for (int i = 0; i < 4; i++) {
            deep.add(row(village2, i < 2 ? "Task_TownshipReview" : "Task_HomeVisit", day(3 * i + 2)));
        }
        LocalDate next = calendar.plusWorkingDays(k.code(), calendar.today(), 1);
        plainSoon = row(k.village(), "Task_CountyDecision", next);
        deepSoon = row(village2, "Task_CountyDecision", next);

        flag(village1b, "SANQU_SANZHOU");
        flag(township2, "DEEP_POVERTY");
    }

    @AfterEach
    void removeRows() {
        db.update("delete from open_task where task_id like ?", PREFIX + "%");
    }

    private void flag(String code, String kind) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> r = http.withBasicAuth("admin", PASSWORD).exchange("/api/regions/" + code + "/deep-poverty",
                HttpMethod.PUT, new HttpEntity<>("{\"kind\":\"" + kind + "\"}", headers), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    }

    private String row(String village, String taskKey, LocalDate due) {
        String id = PREFIX + k.code() + "-" + String.format("%02d", seq++);
        Instant dueAt = WorkingDayCalendar.endOf(due);
        db.update("""
                insert into open_task (task_id, case_id, case_number, process_key, task_key, task_name, candidate_group,
                    village_code, township_code, county_code, created_at, due_at, escalation_level)
                values (?, ?, ?, 'AssistanceApplication', ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """, id, caseId, "DB-TEST-" + id, taskKey, taskKey, "township-" + village.substring(0, 9), village,
                village.substring(0, 9), village.substring(0, 6), utc(dueAt.minusSeconds(86_400 * 10)), utc(dueAt));
        return id;
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static LocalDate day(int n) {
        return LocalDate.of(2010, 3, 1).plusDays(n);
    }

    @Test
    void everyRowSaysItsAreaAndThePageCountsFlaggedAndOtherWork() throws Exception {
        JsonNode page = get("/api/supervision/overdue?region=" + k.code() + "&size=200");
        assertThat(page.path("total").asLong()).isEqualTo(9);
        assertThat(ids(page.path("items"))).containsExactly(plain.get(0), sanqu.get(0), deep.get(0), plain.get(1),
                sanqu.get(1), deep.get(1), plain.get(2), deep.get(2), deep.get(3));
        Map<String, String> areas = new HashMap<>();
        page.path("items").forEach(i -> areas.put(i.path("taskId").asText(),
                i.has("deepPoverty") ? i.path("deepPoverty").asText() : "-"));
        plain.forEach(id -> assertThat(areas.get(id)).as(id).isEqualTo("-"));
        sanqu.forEach(id -> assertThat(areas.get(id)).as(id).isEqualTo("SANQU_SANZHOU"));
        deep.forEach(id -> assertThat(areas.get(id)).as(id).isEqualTo("DEEP_POVERTY"));

        JsonNode totals = page.path("byDeepPoverty");
        assertThat(totals.path("flagged").asLong()).isEqualTo(6);
        assertThat(totals.path("other").asLong()).isEqualTo(3);
        assertThat(kinds(totals)).containsExactlyInAnyOrderEntriesOf(Map.of("SANQU_SANZHOU", 2L, "DEEP_POVERTY", 4L));
        assertThat(totals.path("kinds").toString()).contains("三区三州", "深度贫困地区");
        assertThat(counts(page.path("byTownship"), "townshipCode"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(k.township(), 5L, township2, 4L));
    }

    @Test
    void aListKeepsToTheDeepPovertyAreasOrToTheOthers() throws Exception {
        JsonNode flagged = get("/api/supervision/overdue?region=" + k.code() + "&deepPoverty=true&size=200");
        assertThat(ids(flagged.path("items"))).containsExactly(sanqu.get(0), deep.get(0), sanqu.get(1), deep.get(1),
                deep.get(2), deep.get(3));
        assertThat(flagged.path("total").asLong()).isEqualTo(6);
        assertThat(flagged.path("byDeepPoverty").path("flagged").asLong()).isEqualTo(6);
        assertThat(flagged.path("byDeepPoverty").path("other").asLong()).isZero();
        assertThat(counts(flagged.path("byTownship"), "townshipCode"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(k.township(), 2L, township2, 4L));
        assertThat(counts(flagged.path("byStep"), "taskKey"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("Task_HomeVisit", 4L, "Task_TownshipReview", 2L));

        JsonNode others = get("/api/supervision/overdue?region=" + k.code() + "&deepPoverty=false&size=200");
        assertThat(ids(others.path("items"))).containsExactlyElementsOf(plain);
        assertThat(others.path("total").asLong()).isEqualTo(3);
        assertThat(others.path("byDeepPoverty").path("flagged").asLong()).isZero();
        others.path("items").forEach(i -> assertThat(i.has("deepPoverty")).isFalse());

        // a township with flagged and other villages, a flagged village on its own
        assertThat(ids(get("/api/supervision/overdue?region=" + k.township() + "&deepPoverty=true&size=200")
                .path("items"))).containsExactlyElementsOf(sanqu);
        assertThat(ids(get("/api/supervision/overdue?region=" + k.township() + "&deepPoverty=false&page=0")
                .path("items"))).containsExactlyElementsOf(plain);
        assertThat(get("/api/supervision/overdue?region=" + village1b + "&deepPoverty=false&size=200").path("total")
                .asLong()).isZero();
        assertThat(ids(get("/api/supervision/overdue?region=" + k.code() + "&deepPoverty=true&page=1&size=4")
                .path("items"))).containsExactly(deep.get(2), deep.get(3));

        // empty: all
        assertThat(get("/api/supervision/overdue?region=" + k.code() + "&deepPoverty=&size=200").path("total")
                .asLong()).isEqualTo(9);
    }

    @Test
    void theArrayAnswerSaysHowManyLieInDeepPovertyAreas() throws Exception {
        ResponseEntity<String> all = http.withBasicAuth("admin", PASSWORD)
                .getForEntity("/api/supervision/overdue?region=" + k.code(), String.class);
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(all.getBody()).size()).isEqualTo(9);
        assertThat(all.getHeaders().getFirst("X-Total-Count")).isEqualTo("9");
        assertThat(all.getHeaders().getFirst("X-Deep-Poverty-Count")).isEqualTo("6");

        ResponseEntity<String> flagged = http.withBasicAuth("admin", PASSWORD)
                .getForEntity("/api/supervision/overdue?region=" + k.code() + "&deepPoverty=true", String.class);
        assertThat(ids(json.readTree(flagged.getBody()))).containsExactlyInAnyOrderElementsOf(
                List.of(sanqu.get(0), sanqu.get(1), deep.get(0), deep.get(1), deep.get(2), deep.get(3)));
        assertThat(flagged.getHeaders().getFirst("X-Total-Count")).isEqualTo("6");
    }

    @Test
    void theDueSoonListFiltersTheSameWay() throws Exception {
        String base = "/api/supervision/due-soon?region=" + k.code() + "&days=3&size=200";
        JsonNode all = get(base);
        assertThat(ids(all.path("items"))).containsExactlyInAnyOrder(plainSoon, deepSoon);
        assertThat(all.path("byDeepPoverty").path("flagged").asLong()).isEqualTo(1);
        assertThat(all.path("byDeepPoverty").path("other").asLong()).isEqualTo(1);
        JsonNode flagged = get(base + "&deepPoverty=true");
        assertThat(ids(flagged.path("items"))).containsExactly(deepSoon);
        assertThat(flagged.path("items").get(0).path("deepPoverty").asText()).isEqualTo("DEEP_POVERTY");
        assertThat(ids(get(base + "&deepPoverty=false").path("items"))).containsExactly(plainSoon);
    }

    @Test
    void aBadFilterIsRefusedWithItsChineseLabel() throws Exception {
        for (String value : List.of("yes", "1", "深度贫困", "SANQU_SANZHOU")) {
            for (String list : List.of("overdue", "due-soon")) {
                ResponseEntity<String> r = http.withBasicAuth("admin", PASSWORD).getForEntity(
                        "/api/supervision/" + list + "?region=" + k.code() + "&deepPoverty=" + value, String.class);
                assertThat(r.getStatusCode()).as(list + " " + value).isEqualTo(HttpStatus.BAD_REQUEST);
                JsonNode error = json.readTree(r.getBody()).path("errors").get(0);
                assertThat(error.path("field").asText()).isEqualTo("deepPoverty");
                assertThat(error.path("message").asText()).contains("「深度贫困地区」");
            }
        }
    }

    @Test
    void aFilteredPageCostsTheStatementsOfAnyOtherPage() {
        org.hibernate.stat.Statistics statistics = entityManagerFactory
                .unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            long plainPage = Long.MAX_VALUE;
            long filtered = Long.MAX_VALUE;
            long others = Long.MAX_VALUE;
            // twice each: a calendar refresh (once a minute) must not count as a row's statement
            for (int i = 0; i < 2; i++) {
                plainPage = Math.min(plainPage, statements(statistics, "/api/supervision/overdue?region=" + k.code()
                        + "&size=50"));
                filtered = Math.min(filtered, statements(statistics, "/api/supervision/overdue?region=" + k.code()
                        + "&deepPoverty=true&size=50"));
                others = Math.min(others, statements(statistics, "/api/supervision/overdue?region=" + k.code()
                        + "&deepPoverty=false&size=50"));
            }
            assertThat(filtered).isEqualTo(plainPage).isEqualTo(others).isLessThanOrEqualTo(5);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private long statements(org.hibernate.stat.Statistics statistics, String path) {
        statistics.clear();
        ResponseEntity<String> r = http.withBasicAuth("admin", PASSWORD).getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return statistics.getPrepareStatementCount();
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth("admin", PASSWORD).getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("taskId").asText()));
        return ids;
    }

    private static Map<String, Long> counts(JsonNode groups, String key) {
        Map<String, Long> counts = new HashMap<>();
        groups.forEach(g -> counts.put(g.path(key).asText(), g.path("count").asLong()));
        return counts;
    }

    private static Map<String, Long> kinds(JsonNode totals) {
        Map<String, Long> kinds = new HashMap<>();
        totals.path("kinds").forEach(g -> kinds.put(g.path("kind").asText(), g.path("count").asLong()));
        return kinds;
    }
}
