package org.doudi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.persistence.EntityManagerFactory;

/**
 * The supervision lists at scale (issue 9): one page answers with its totals by township and step, costs the
 * same few statements however many rows it shows, and the answer without paging stays the contract's array.
 * Rows of the read model are written directly (as many as a test needs, due long ago so that they come first);
 * what other tests left open in the same database is measured before and counted out.
 */
@IntegrationTest
class SupervisionListTest {

    private static final String PREFIX = "suplist-";

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver driver;
    @Autowired
    JdbcTemplate db;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    Clock clock;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    private final ObjectMapper json = new ObjectMapper();
    private long caseId;
    private int seq;

    @BeforeEach
    void aCase() {
        caseId = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 1)).id();
    }

    @AfterEach
    void removeRows() {
        db.update("delete from open_task where task_id like ?", PREFIX + "%");
    }

    /** A row of the read model due at the end of a day (China Standard Time), as deadlines are. */
    private String row(String village, String taskKey, String taskName, LocalDate due, Instant startedAt) {
        String id = PREFIX + String.format("%04d", seq++);
        Instant dueAt = WorkingDayCalendar.endOf(due);
        db.update("""
                insert into open_task (task_id, case_id, case_number, process_key, task_key, task_name, candidate_group,
                    village_code, township_code, county_code, created_at, due_at, escalation_level, started_at)
                values (?, ?, ?, 'AssistanceApplication', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                """, id, caseId, "DB-TEST-" + id, taskKey, taskName, "township-" + village.substring(0, 9), village,
                village.substring(0, 9), village.substring(0, 6), utc(dueAt.minusSeconds(86_400 * 10)), utc(dueAt),
                startedAt == null ? null : utc(startedAt));
        return id;
    }

    /** As Hibernate writes instants (hibernate.jdbc.time_zone UTC). */
    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static LocalDate day(int n) {
        return LocalDate.of(2010, 3, 1).plusDays(n); // long before anything another test leaves open
    }

    @Test
    void aPageCarriesItsRowsMostOverdueFirstWithTotalsByTownshipAndStep() throws Exception {
        JsonNode before = get(SUPERVISOR1, "/api/supervision/overdue?region=" + COUNTY_A + "&size=1");
        List<String> a1 = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a1.add(row(VILLAGE_A1, "Task_HomeVisit", "入户调查", day(10 + i), null));
        }
        for (int i = 0; i < 3; i++) {
            a1.add(row(VILLAGE_A1_WEST, "Task_CountyDecision", "县级审核确认", day(20 + i), null));
        }
        List<String> a2 = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            a2.add(row(VILLAGE_A2, "Task_TownshipReview", "乡镇初审", day(i), null));
        }
        String startedInTime = row(VILLAGE_A1, "Task_HomeVisit", "入户调查", day(1), WorkingDayCalendar.endOf(day(0)));
        String otherCounty = row(VILLAGE_B1, "Task_HomeVisit", "入户调查", day(1), null);

        JsonNode page0 = get(SUPERVISOR1, "/api/supervision/overdue?region=" + COUNTY_A + "&page=0&size=5");
        assertThat(page0.path("page").asInt()).isEqualTo(0);
        assertThat(page0.path("size").asInt()).isEqualTo(5);
        assertThat(page0.path("total").asLong()).isEqualTo(before.path("total").asLong() + 12);
        // most overdue first: A2's four (days 0-3), then A1's first (day 10)
        assertThat(ids(page0.path("items"))).containsExactly(a2.get(0), a2.get(1), a2.get(2), a2.get(3), a1.get(0));
        JsonNode page1 = get(SUPERVISOR1, "/api/supervision/overdue?region=" + COUNTY_A + "&page=1&size=5");
        assertThat(ids(page1.path("items"))).containsExactly(a1.get(1), a1.get(2), a1.get(3), a1.get(4), a1.get(5));
        assertThat(ids(page1.path("items"))).doesNotContain(startedInTime, otherCounty);

        JsonNode first = page0.path("items").get(0);
        assertThat(first.path("caseNumber").asText()).isEqualTo("DB-TEST-" + a2.get(0));
        assertThat(first.path("taskKey").asText()).isEqualTo("Task_TownshipReview");
        assertThat(first.path("group").asText()).isEqualTo("township-" + TOWNSHIP_A2);
        assertThat(first.path("escalationLevel").asInt()).isEqualTo(1);
        assertThat(first.path("townshipName").asText()).isNotBlank().isNotEqualTo(TOWNSHIP_A2);
        assertThat(first.path("workingDaysOverdue").asInt())
                .isEqualTo(calendar.workingDaysBetween(COUNTY_A, day(0), calendar.today())).isPositive();

        Map<String, Long> townshipsBefore = counts(before.path("byTownship"), "townshipCode");
        Map<String, Long> townshipsAfter = counts(page0.path("byTownship"), "townshipCode");
        assertThat(townshipsAfter.get(TOWNSHIP_A1) - townshipsBefore.getOrDefault(TOWNSHIP_A1, 0L)).isEqualTo(8);
        assertThat(townshipsAfter.get(TOWNSHIP_A2) - townshipsBefore.getOrDefault(TOWNSHIP_A2, 0L)).isEqualTo(4);
        assertThat(townshipsAfter).doesNotContainKey(TOWNSHIP_B1);
        assertThat(page0.path("byTownship").get(0).path("townshipName").asText()).isNotBlank();
        Map<String, Long> stepsBefore = counts(before.path("byStep"), "taskKey");
        Map<String, Long> stepsAfter = counts(page0.path("byStep"), "taskKey");
        assertThat(stepsAfter.get("Task_HomeVisit") - stepsBefore.getOrDefault("Task_HomeVisit", 0L)).isEqualTo(5);
        assertThat(stepsAfter.get("Task_CountyDecision") - stepsBefore.getOrDefault("Task_CountyDecision", 0L))
                .isEqualTo(3);
        assertThat(stepsAfter.get("Task_TownshipReview") - stepsBefore.getOrDefault("Task_TownshipReview", 0L))
                .isEqualTo(4);
        assertThat(sum(townshipsAfter)).isEqualTo(page0.path("total").asLong()).isEqualTo(sum(stepsAfter));
        for (JsonNode step : page0.path("byStep")) {
            if (step.path("taskKey").asText().equals("Task_CountyDecision")) {
                assertThat(step.path("taskName").asText()).isNotBlank();
            }
        }
    }

    @Test
    void aTownshipOrVillageSeesOnlyItsOwnRows() throws Exception {
        String inA1 = row(VILLAGE_A1, "Task_HomeVisit", "入户调查", day(3), null);
        String inA1West = row(VILLAGE_A1_WEST, "Task_HomeVisit", "入户调查", day(4), null);
        String inA2 = row(VILLAGE_A2, "Task_HomeVisit", "入户调查", day(2), null);

        JsonNode township = get(TSUPERVISOR1, "/api/supervision/overdue?region=" + TOWNSHIP_A1 + "&size=200");
        assertThat(ids(township.path("items"))).startsWith(inA1, inA1West).doesNotContain(inA2);
        assertThat(township.path("byTownship")).hasSize(1);
        assertThat(township.path("byTownship").get(0).path("townshipCode").asText()).isEqualTo(TOWNSHIP_A1);

        JsonNode village = get(TSUPERVISOR1, "/api/supervision/overdue?region=" + VILLAGE_A1_WEST + "&size=200");
        assertThat(ids(village.path("items"))).startsWith(inA1West).doesNotContain(inA1, inA2);
    }

    @Test
    void withoutPagingTheAnswerIsTheContractsArrayWithItsTotalInAHeader() throws Exception {
        JsonNode paged = get(SUPERVISOR1, "/api/supervision/overdue?region=" + COUNTY_A + "&size=1");
        String second = row(VILLAGE_A1, "Task_HomeVisit", "入户调查", day(2), null);
        String first = row(VILLAGE_A2, "Task_TownshipReview", "乡镇初审", day(1), null);
        ResponseEntity<String> r = http.withBasicAuth(SUPERVISOR1, PASSWORD)
                .getForEntity("/api/supervision/overdue?region=" + COUNTY_A, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode list = json.readTree(r.getBody());
        assertThat(list.isArray()).isTrue();
        assertThat(ids(list)).startsWith(first, second);
        long total = paged.path("total").asLong() + 2;
        assertThat(list.size()).isEqualTo((int) Math.min(total, 1000));
        assertThat(r.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(total));
        JsonNode row = list.get(0);
        for (String field : List.of("caseNumber", "taskId", "taskKey", "group", "dueDate", "workingDaysOverdue",
                "escalationLevel")) {
            assertThat(row.has(field)).as(field).isTrue();
        }
    }

    @Test
    void theArrayIsCappedAndSaysHowManyThereAre() throws Exception {
        JsonNode paged = get(SUPERVISOR1, "/api/supervision/overdue?region=" + VILLAGE_A2 + "&size=1");
        long already = paged.path("total").asLong();
        int rows = 1001 - (int) Math.min(already, 1001);
        for (int i = 0; i < rows; i++) {
            row(VILLAGE_A2, "Task_TownshipReview", "乡镇初审", day(i % 200), null);
        }
        ResponseEntity<String> r = http.withBasicAuth(SUPERVISOR1, PASSWORD)
                .getForEntity("/api/supervision/overdue?region=" + VILLAGE_A2, String.class);
        assertThat(json.readTree(r.getBody()).size()).isEqualTo(1000);
        assertThat(r.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(already + rows));
    }

    @Test
    void theDueSoonListPagesTheSameWay() throws Exception {
        LocalDate today = calendar.today();
        LocalDate next = calendar.plusWorkingDays(COUNTY_A, today, 1);
        JsonNode before = get(SUPERVISOR1, "/api/supervision/due-soon?region=" + COUNTY_A + "&days=3&size=1");
        // a village of township A1 nobody else has work in: its list holds this test's rows only
        String village = TOWNSHIP_A1 + "299";
        String soon = row(village, "Task_CountyDecision", "县级审核确认", next, null);
        String later = row(village, "Task_CountyDecision", "县级审核确认", calendar.plusWorkingDays(COUNTY_A, today, 9),
                null);
        String overdue = row(village, "Task_CountyDecision", "县级审核确认", day(1), null);
        // due at the very end of the third working day: still within the three
        String lastDay = row(village, "Task_HomeVisit", "入户调查", calendar.plusWorkingDays(today, 3), null);
        JsonNode after = get(SUPERVISOR1, "/api/supervision/due-soon?region=" + COUNTY_A + "&days=3&size=1");
        assertThat(after.path("total").asLong()).isEqualTo(before.path("total").asLong() + 2);
        JsonNode own = get(SUPERVISOR1, "/api/supervision/due-soon?region=" + village + "&days=3&size=200");
        assertThat(ids(own.path("items"))).containsExactly(soon, lastDay);
        assertThat(own.path("total").asLong()).isEqualTo(2);
        for (JsonNode item : own.path("items")) {
            if (item.path("taskId").asText().equals(soon)) {
                assertThat(item.path("workingDaysLeft").asInt()).isEqualTo(1);
            }
        }
        assertThat(counts(after.path("byStep"), "taskKey").get("Task_CountyDecision")
                - counts(before.path("byStep"), "taskKey").getOrDefault("Task_CountyDecision", 0L)).isEqualTo(1);
        ResponseEntity<String> array = http.withBasicAuth(SUPERVISOR1, PASSWORD)
                .getForEntity("/api/supervision/due-soon?region=" + village + "&days=3", String.class);
        assertThat(json.readTree(array.getBody()).isArray()).isTrue();
        assertThat(ids(json.readTree(array.getBody()))).containsExactly(soon, lastDay);
        assertThat(array.getHeaders().getFirst("X-Total-Count")).isEqualTo("2");
    }

    @Test
    void aPageCostsTheSameStatementsHoweverManyRowsItShows() throws Exception {
        for (int i = 0; i < 40; i++) {
            row(i % 2 == 0 ? VILLAGE_A1 : VILLAGE_A2, i % 3 == 0 ? "Task_HomeVisit" : "Task_TownshipReview",
                    "入户调查", day(i), null);
        }
        org.hibernate.stat.Statistics statistics = entityManagerFactory
                .unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            long small = Long.MAX_VALUE;
            long large = Long.MAX_VALUE;
            // twice each: a calendar refresh (once a minute) must not count as a row's statement
            for (int i = 0; i < 2; i++) {
                small = Math.min(small, statements(statistics, "/api/supervision/overdue?region=" + COUNTY_A + "&size=1"));
                large = Math.min(large, statements(statistics, "/api/supervision/overdue?region=" + COUNTY_A + "&size=40"));
            }
            assertThat(large).isEqualTo(small).isLessThanOrEqualTo(5);
            long array = Long.MAX_VALUE;
            for (int i = 0; i < 2; i++) {
                array = Math.min(array, statements(statistics, "/api/supervision/overdue?region=" + COUNTY_A));
            }
            assertThat(array).isLessThanOrEqualTo(small);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private long statements(org.hibernate.stat.Statistics statistics, String path) throws Exception {
        statistics.clear();
        ResponseEntity<String> r = http.withBasicAuth(SUPERVISOR1, PASSWORD).getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void onlyTheSupervisorsOfTheRegionSeeItsPages() {
        assertThat(status(CASEWORKER1, "/api/supervision/overdue?region=" + TOWNSHIP_A1 + "&page=0&size=10"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(REVIEWER1, "/api/supervision/overdue?region=" + COUNTY_A + "&size=10"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(TSUPERVISOR1, "/api/supervision/overdue?region=" + COUNTY_A + "&size=10"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(TSUPERVISOR1, "/api/supervision/overdue?region=" + TOWNSHIP_A2 + "&size=10"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(SUPERVISOR1, "/api/supervision/overdue?region=" + COUNTY_B + "&size=10"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(SUPERVISOR1, "/api/supervision/due-soon?region=" + COUNTY_B + "&size=10"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(TSUPERVISOR1, "/api/supervision/overdue?region=" + TOWNSHIP_A1 + "&size=10"))
                .isEqualTo(HttpStatus.OK);
        assertThat(status(SUPERVISOR1, "/api/supervision/overdue?region=" + TOWNSHIP_A2 + "&size=10"))
                .as("a county supervisor sees his townships").isEqualTo(HttpStatus.OK);
    }

    @Test
    void aBadPageOrSizeIsRefusedWithItsChineseLabel() throws Exception {
        for (String query : List.of("page=-1", "page=x", "size=0", "size=201", "size=abc", "page=1&size=-5")) {
            ResponseEntity<String> r = http.withBasicAuth(SUPERVISOR1, PASSWORD)
                    .getForEntity("/api/supervision/overdue?region=" + COUNTY_A + "&" + query, String.class);
            assertThat(r.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode errors = json.readTree(r.getBody()).path("errors");
            assertThat(errors.toString()).as(query).containsAnyOf("页码", "每页条数");
        }
        ResponseEntity<String> r = http.withBasicAuth(SUPERVISOR1, PASSWORD)
                .getForEntity("/api/supervision/due-soon?region=" + COUNTY_A + "&size=500", String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("每页条数");
        assertThat(status(SUPERVISOR1, "/api/supervision/overdue?region=" + COUNTY_A + "&size=200"))
                .isEqualTo(HttpStatus.OK);
    }

    private HttpStatus status(String user, String path) {
        return HttpStatus.valueOf(http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class)
                .getStatusCode().value());
    }

    private JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
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

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
