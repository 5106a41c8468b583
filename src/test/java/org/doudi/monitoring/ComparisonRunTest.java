package org.doudi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.PASSWORD;
import static org.doudi.test.Demo.REVIEWER9;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.doudi.TimeConfig;
import org.doudi.payments.RollFixture;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.RegionRepository;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestCounties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A comparison run over a county of its own (低保标准 600 元; the default numbers: 1.5 × the standard, 20 000 元 of
 * medical costs, 3 rosters): rosters uploaded over the API, an enrolled household and one that left; the run raises
 * exactly the warnings the rules say, a second run none, a dismissed warning returns only when its facts change, and
 * the triage works one by one and in bulk, refusing what it must.
 */
@IntegrationTest
class ComparisonRunTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestCounties counties;
    @Autowired
    RegionRepository regions;
    @Autowired
    CountyPolicyRepository policies;
    @Autowired
    IdentityService identity;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    WatchList watchList;

    final ObjectMapper json = new ObjectMapper();
    RollFixture fixture;
    RollFixture.County c;
    LocalDate today;

    @BeforeEach
    void county() {
        fixture = new RollFixture(jdbc, counties, regions, policies, identity, tx);
        c = fixture.county(AmountRule.EXACT);
        today = TimeConfig.today(java.time.Clock.systemUTC());
    }

    ResponseEntity<String> upload(String source, String csv) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "roster.csv";
            }
        });
        form.add("source", source);
        form.add("batch", "cmp-" + UUID.randomUUID().toString().substring(0, 8));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> r = http.withBasicAuth(c.reviewer(), PASSWORD).exchange("/api/rosters", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        return r;
    }

    static final String HEADER = "idNumber,name,villageCode,category,amount,disabilityGrade,perCapitaIncome,date\n";

    String row(String id, String name, String category, String amount, String grade, String income, LocalDate date) {
        return String.join(",", id, name, c.village(), nz(category), nz(amount), nz(grade), nz(income),
                date == null ? "" : date.toString()) + "\n";
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, h),
                String.class);
    }

    JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    /** Starts a run of the county and waits for it; its answer. */
    JsonNode run() throws Exception {
        ResponseEntity<String> r = post(c.reviewer(), "/api/monitoring/runs", "{\"region\":\"" + c.code() + "\"}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        long runId = json.readTree(r.getBody()).path("runId").asLong();
        for (int i = 0; i < 300; i++) {
            JsonNode run = get(c.reviewer(), "/api/monitoring/runs/" + runId);
            if (!"RUNNING".equals(run.path("status").asText())) {
                assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("DONE");
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    /** The county's warnings as name → rule/level, sorted. */
    Map<String, List<String>> warnings(String status) throws Exception {
        JsonNode page = get(c.reviewer(), "/api/warnings?region=" + c.code() + "&size=500"
                + (status == null ? "" : "&status=" + status));
        Map<String, List<String>> byName = new TreeMap<>();
        page.path("items").forEach(w -> byName.computeIfAbsent(w.path("name").asText(), k -> new ArrayList<>())
                .add(w.path("rule").asText() + "/" + w.path("level").asText()));
        byName.values().forEach(l -> l.sort(String::compareTo));
        return byName;
    }

    long warningId(String name, String rule) {
        return jdbc.queryForObject("select id from monitoring_warning where county_code = ? and name = ? and rule = ?"
                + " and open_rule is not null", Long.class, c.code(), name, rule);
    }

    @Test
    void aRunRaisesExactlyWhatTheRulesSayOnceAndADismissedWarningReturnsOnlyOnNewFacts() throws Exception {
        String monitoredPoor = ResidentIds.ofAge(50);
        String monitoredEdge = ResidentIds.ofAge(51);
        String disabled = ResidentIds.of("130102", LocalDate.of(1962, 4, 2), 31);
        String costly = ResidentIds.ofAge(52);
        String costlyLongAgo = ResidentIds.ofAge(53);
        String unemployed = ResidentIds.ofAge(35);
        String unemployedAlone = ResidentIds.ofAge(36);
        String inThree = ResidentIds.ofAge(37);
        String carOwner = ResidentIds.ofAge(38);
        String enrolledId = ResidentIds.of("130102", LocalDate.of(1970, 6, 15), 17);
        String leftId = ResidentIds.ofAge(44);

        fixture.enrol(RollFixture.household(c.village(), "300.00").payee("在保户", enrolledId).people(1, 1));
        jdbc.update("insert into enrolment_coverage (id_number, programme, enrolment_id) select ?, 'DIBAO', id from"
                + " enrolment where payee_id_number = ?", enrolledId, enrolledId);
        RollFixture.Enrolled left = fixture.enrol(RollFixture.household(c.village(), "300.00").payee("退保户", leftId)
                .people(1, 1).lastPaid(YearMonth.from(today).minusMonths(2)));
        jdbc.update("update enrolment set ended_at = ?, end_reason = 'INCOME_ABOVE_LINE' where id = ?",
                Timestamp.from(Instant.now().minusSeconds(86_400 * 40L)), left.id());

        upload("POVERTY_MONITORING", HEADER + row(monitoredPoor, "监测甲", null, null, null, "300", null)
                + row(monitoredEdge, "监测乙", null, null, null, "800", null));
        // A legacy 15-digit number: matched in its 18-digit form.
        upload("DISABILITY", HEADER + row(disabled.substring(0, 6) + disabled.substring(8, 17), "残疾丙", "肢体", null,
                "1", null, null) + row(inThree, "多名单丁", null, null, "3", null, null));
        upload("MEDICAL_EXPENSE", HEADER + row(costly, "医疗戊", null, "15000", null, null, today.minusMonths(1))
                + row(costly, "医疗戊", "住院", "15000", null, null, today.minusMonths(2))
                + row(costlyLongAgo, "医疗己", null, "15000", null, null, today.minusMonths(1))
                + row(costlyLongAgo, "医疗己", "住院", "15000", null, null, today.minusMonths(14)));
        upload("UNEMPLOYMENT", HEADER + row(unemployed, "失业庚", "有未成年子女", null, null, null, null)
                + row(unemployedAlone, "失业辛", null, null, null, null, null));
        upload("EDUCATION_ASSISTANCE", HEADER + row(inThree, "多名单丁", null, "2000", null, null, null));
        upload("HOUSING_ASSISTANCE", HEADER + row(inThree, "多名单丁", null, "5000", null, null, null));
        upload("VEHICLE", HEADER + row(enrolledId.substring(0, 6) + enrolledId.substring(8, 17), "在保户", null, null,
                null, null, null) + row(carOwner, "有车壬", null, null, null, null, null));

        JsonNode first = run();
        assertThat(first.path("warningsRaised").asInt()).isEqualTo(10);
        // The ten people of the rosters, and the one who left 低保 and is on none.
        assertThat(first.path("compared").asInt()).isEqualTo(11);
        assertThat(first.path("rules").asText()).startsWith("MonitoringRules:");
        assertThat(warnings(null)).isEqualTo(new TreeMap<>(Map.of(
                "监测甲", List.of("LOW_INCOME_NOT_ENROLLED/RED", "MONITORED_NOT_ENROLLED/ORANGE"),
                "监测乙", List.of("LOW_INCOME_NOT_ENROLLED/YELLOW", "MONITORED_NOT_ENROLLED/ORANGE"),
                "残疾丙", List.of("ILLNESS_OR_DISABILITY_UNCOVERED/ORANGE"),
                "医疗戊", List.of("HIGH_MEDICAL_COSTS/ORANGE"),
                "失业庚", List.of("UNEMPLOYED_WITH_CHILD/YELLOW"),
                "多名单丁", List.of("MULTIPLE_ROSTERS/YELLOW"),
                "在保户", List.of("ENROLLED_VEHICLE/ORANGE"),
                "退保户", List.of("LEFT_RECENTLY/YELLOW"))));
        assertThat(jdbc.queryForObject("select count(*) from monitoring_warning where county_code = ?", Integer.class,
                c.code())).isEqualTo(10);
        // IDs are masked in the answer; the warnings go to the township of the registered village.
        JsonNode one = get(c.reviewer(), "/api/warnings?region=" + c.township() + "&rule=ENROLLED_VEHICLE")
                .path("items").get(0);
        assertThat(one.path("idNumberMasked").asText()).isEqualTo(enrolledId.substring(0, 6) + "********"
                + enrolledId.substring(14));
        assertThat(one.path("townshipCode").asText()).isEqualTo(c.township());
        assertThat(one.path("status").asText()).isEqualTo("NEW");
        assertThat(jdbc.queryForObject("select count(*) from monitoring_fact", Integer.class)).isZero();

        // Nothing changed: nothing new.
        assertThat(run().path("warningsRaised").asInt()).isZero();

        // Triage: a dismissal needs a reason; one at a time and many at once; a closed one is refused.
        long medical = warningId("医疗戊", "HIGH_MEDICAL_COSTS");
        long child = warningId("失业庚", "UNEMPLOYED_WITH_CHILD");
        long car = warningId("在保户", "ENROLLED_VEHICLE");
        ResponseEntity<String> noReason = post(c.caseworker(), "/api/warnings/triage",
                "{\"warningIds\":[" + medical + "],\"action\":\"DISMISS\"}");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).contains("理由");
        ResponseEntity<String> dismissed = post(c.caseworker(), "/api/warnings/triage",
                "{\"warningIds\":[" + medical + "," + car + ", 999999999],\"action\":\"dismiss\",\"note\":\"已核实：医保报销后自付不高\"}");
        assertThat(dismissed.getStatusCode()).as(dismissed.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode d = json.readTree(dismissed.getBody());
        assertThat(d.path("done").asInt()).isEqualTo(2);
        assertThat(d.path("refused").get(0).path("warningId").asLong()).isEqualTo(999999999L);
        assertThat(json.readTree(post(c.caseworker(), "/api/warnings/triage", "{\"warningIds\":[" + medical
                + "],\"action\":\"WATCH\"}").getBody()).path("refused").get(0).path("reason").asText()).contains("已排除");
        // Staff of another county see nothing of it and change nothing.
        JsonNode foreign = json.readTree(post(REVIEWER9, "/api/warnings/triage", "{\"warningIds\":[" + child
                + "],\"action\":\"WATCH\"}").getBody());
        assertThat(foreign.path("done").asInt()).isZero();
        assertThat(http.withBasicAuth(REVIEWER9, PASSWORD).getForEntity("/api/warnings?region=" + c.code(),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // Watched: on the watch list, once.
        JsonNode watched = json.readTree(post(c.caseworker(), "/api/warnings/triage", "{\"warningIds\":[" + child
                + "],\"action\":\"WATCH\",\"note\":\"两个孩子上学，下季度再看\"}").getBody());
        assertThat(watched.path("done").asInt()).isEqualTo(1);
        JsonNode list = get(c.caseworker(), "/api/watch-list?region=" + c.township());
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("name").asText()).isEqualTo("失业庚");
        assertThat(list.path("items").get(0).path("source").asText()).isEqualTo("WARNING");
        assertThat(list.path("items").get(0).path("nextCheck").asText()).isEqualTo(today.plusMonths(3).toString());
        assertThat(warnings("WATCHING")).containsOnlyKeys("失业庚");

        // The dismissed ones stay dismissed while their facts hold; new medical costs bring that one back.
        assertThat(run().path("warningsRaised").asInt()).isZero();
        upload("MEDICAL_EXPENSE", HEADER + row(costly, "医疗戊", null, "9000", null, null, today.minusMonths(3)));
        assertThat(run().path("warningsRaised").asInt()).isEqualTo(1);
        assertThat(warnings("NEW").get("医疗戊")).containsExactly("HIGH_MEDICAL_COSTS/ORANGE");
        assertThat(warnings("DISMISSED").get("医疗戊")).containsExactly("HIGH_MEDICAL_COSTS/ORANGE");
        assertThat(warnings("NEW")).doesNotContainKey("在保户");
    }

    @Test
    void badRunsAreRefusedAndOneRunPerCountyRunsAtATime() throws Exception {
        assertThat(post(c.reviewer(), "/api/monitoring/runs", "{\"region\":\"12\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(c.reviewer(), "/api/monitoring/runs", "{\"region\":\"" + c.code() + "\",\"x\":1}")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(REVIEWER9, "/api/monitoring/runs", "{\"region\":\"" + c.code() + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(c.reviewer(), "/api/warnings/triage", "{\"warningIds\":[1],\"action\":\"CHECKOUT\"}")
                .getBody()).contains("处理方式");
        jdbc.update("insert into monitoring_run (region_code, status, run_trigger, started_by, started_at,"
                + " running_county) values (?, 'RUNNING', 'DEMAND', 'test', ?, ?)", c.code(),
                Timestamp.from(Instant.now()), c.code());
        ResponseEntity<String> busy = post(c.reviewer(), "/api/monitoring/runs", "{\"region\":\"" + c.township() + "\"}");
        assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(busy.getBody()).contains("正在进行");
        // A run that never ended (its node stopped) is taken for dead after doudi.monitoring.stale-run-after.
        jdbc.update("update monitoring_run set started_at = ? where running_county = ?",
                Timestamp.from(Instant.now().minusSeconds(3 * 3600)), c.code());
        assertThat(run().path("status").asText()).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select count(*) from monitoring_run where region_code = ? and status = 'FAILED'",
                Integer.class, c.code())).isEqualTo(1);
    }

    @Test
    void aRefusedApplicantCloseToTheLineIsWatchedAndOneFarAboveItIsNot() throws Exception {
        String near = ResidentIds.ofAge(60);
        String far = ResidentIds.ofAge(61);
        assertThat(watchList.addRefusedApplicant("DB-TEST-1", near, "接近线", c.village(), new java.math.BigDecimal(
                "650.00"), new java.math.BigDecimal("600.00"))).isTrue();
        assertThat(watchList.addRefusedApplicant("DB-TEST-2", far, "远高于线", c.village(), new java.math.BigDecimal(
                "720.00"), new java.math.BigDecimal("600.00"))).isFalse();
        assertThat(watchList.addRefusedApplicant("DB-TEST-3", near, "接近线", c.village(), new java.math.BigDecimal(
                "500.00"), new java.math.BigDecimal("600.00"))).as("once per person").isFalse();
        JsonNode list = get(c.reviewer(), "/api/watch-list?region=" + c.code());
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("source").asText()).isEqualTo("REFUSAL");
        assertThat(list.path("items").get(0).path("reason").asText()).contains("650.00").contains("1.2 倍");
    }
}
