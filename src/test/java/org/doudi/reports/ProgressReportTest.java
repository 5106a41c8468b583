package org.doudi.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.PASSWORD;
import static org.doudi.test.Demo.REVIEWER9;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The progress report of a county of its own: its figures are those of the data (enrolled by programme, newly enrolled
 * and found on the ground, ended, warnings, deep-poverty totals), the totals are the sums of the rows, the XLSX says
 * the same as the JSON, and a kept quarter answers what was kept whatever is corrected later.
 */
@IntegrationTest
class ProgressReportTest {

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
    ProgressReports reports;

    final ObjectMapper json = new ObjectMapper();
    RollFixture fixture;
    RollFixture.County c;
    String quarter;
    String lastQuarter;

    @BeforeEach
    void county() {
        fixture = new RollFixture(jdbc, counties, regions, policies, identity, tx);
        c = fixture.county(AmountRule.EXACT);
        LocalDate today = TimeConfig.today(Clock.systemUTC());
        quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        LocalDate before = today.withDayOfMonth(1).minusMonths(3);
        lastQuarter = before.getYear() + "-Q" + ((before.getMonthValue() - 1) / 3 + 1);
    }

    JsonNode get(String user, String query) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD).getForEntity("/api/reports/progress?" + query,
                String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    static int v(JsonNode row, ProgressMetric m) {
        return row.path("values").path(m.name()).decimalValue().intValue();
    }

    @Test
    void theFiguresAreTheDataTheTotalsTheSumsAndTheXlsxTheSame() throws Exception {
        LocalDate since = YearMonth.now().atDay(1);
        fixture.enrol(RollFixture.household(c.village(), "300.00").people(3, 3).since(since));
        RollFixture.Enrolled found = fixture.enrol(RollFixture.household(c.village(), "300.00").people(2, 2)
                .since(since));
        fixture.enrol(RollFixture.household(c.village2(), "900.00").programme("TEKUN").people(1, 1).since(since));
        RollFixture.Enrolled ended = fixture.enrol(RollFixture.household(c.village2(), "300.00").people(4, 4)
                .since(since));
        jdbc.update("update enrolment set status = 'ENDED', ended_at = ?, end_reason = 'PHASE_OUT_ENDED' where id = ?",
                Timestamp.from(Instant.now()), ended.id());
        // The second household was found by a field check after a hotline report.
        String caseNumber = "DB-" + LocalDate.now().getYear() + "-" + c.township() + "-9" + (found.id() % 100000);
        jdbc.update("update assistance_case set case_number = ? where id = (select case_id from enrolment where id = ?)",
                caseNumber, found.id());
        jdbc.update("insert into field_check (check_number, origin, id_number, name, village_code, township_code,"
                + " county_code, reason, status, outcome, result_ref, started_at, started_by, ended_at) values (?,"
                + " 'HOTLINE', ?, '报表甲', ?, ?, ?, '热线反映', 'DONE', 'apply', ?, ?, 'test', ?)", "MP-T-" + found.id(),
                ResidentIds.ofAge(50), c.village(), c.township(), c.code(), caseNumber, Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
        for (int i = 0; i < 3; i++) {
            jdbc.update("insert into monitoring_warning (rule, kind, level, reason, status, id_number, name, village_code,"
                    + " township_code, county_code, facts, open_rule, raised_at, triaged_at) values ('MULTIPLE_ROSTERS',"
                    + " 'MISSED', 'YELLOW', 'x', ?, ?, 'x', ?, ?, ?, 'f', ?, ?, ?)", i == 0 ? "DISMISSED" : "NEW",
                    ResidentIds.ofAge(30 + i), i == 2 ? c.village2() : c.village(), i == 2 ? c.township2()
                            : c.township(), c.code(), i == 0 ? null : "MULTIPLE_ROSTERS",
                    Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        }
        jdbc.update("update region set deep_poverty = 'DEEP_POVERTY' where code = ?", c.township2());

        JsonNode r = get(c.reviewer(), "region=" + c.code() + "&period=" + quarter);
        assertThat(r.path("kept").asBoolean()).isFalse();
        JsonNode total = r.path("total");
        assertThat(v(total, ProgressMetric.DIBAO_HOUSEHOLDS)).isEqualTo(2);
        assertThat(v(total, ProgressMetric.DIBAO_PEOPLE)).isEqualTo(5);
        assertThat(v(total, ProgressMetric.TEKUN_PEOPLE)).isEqualTo(1);
        assertThat(v(total, ProgressMetric.NEW_HOUSEHOLDS)).isEqualTo(4);
        assertThat(v(total, ProgressMetric.NEW_FOUND_ON_THE_GROUND)).isEqualTo(1);
        assertThat(v(total, ProgressMetric.NEW_BY_HOTLINE)).isEqualTo(1);
        assertThat(v(total, ProgressMetric.NEW_BY_MONITORING)).isZero();
        assertThat(v(total, ProgressMetric.PHASED_OUT)).isEqualTo(1);
        assertThat(v(total, ProgressMetric.WARNINGS_RAISED)).isEqualTo(3);
        assertThat(v(total, ProgressMetric.WARNINGS_DISMISSED)).isEqualTo(1);
        // By township, and the deep-poverty township apart.
        Map<String, JsonNode> rows = new HashMap<>();
        r.path("rows").forEach(x -> rows.put(x.path("code").asText(), x));
        assertThat(rows).containsOnlyKeys(c.township(), c.township2());
        assertThat(rows.get(c.township2()).path("deepPoverty").asText()).isEqualTo("DEEP_POVERTY");
        assertThat(v(r.path("deepPoverty"), ProgressMetric.TEKUN_PEOPLE)).isEqualTo(1);
        assertThat(v(r.path("deepPoverty"), ProgressMetric.WARNINGS_RAISED)).isEqualTo(1);
        assertThat(v(r.path("other"), ProgressMetric.DIBAO_PEOPLE)).isEqualTo(5);
        for (ProgressMetric m : ProgressMetric.values()) {
            int sum = rows.values().stream().mapToInt(x -> v(x, m)).sum();
            assertThat(v(total, m)).as(m.name()).isEqualTo(sum)
                    .isEqualTo(v(r.path("deepPoverty"), m) + v(r.path("other"), m));
        }
        // A township's report is its row.
        JsonNode one = get(c.caseworker(), "region=" + c.township() + "&period=" + quarter);
        assertThat(v(one.path("total"), ProgressMetric.DIBAO_PEOPLE)).isEqualTo(5);

        ResponseEntity<byte[]> x = http.withBasicAuth(c.reviewer(), PASSWORD).getForEntity("/api/reports/progress?region="
                + c.code() + "&period=" + quarter + "&format=xlsx", byte[].class);
        assertThat(x.getHeaders().getContentType().toString()).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(x.getBody()))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(2);
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("低保户数（期末）");
            Row totalRow = null;
            for (Row row : sheet) {
                if (row.getCell(1) != null && "合计".equals(row.getCell(1).getStringCellValue())) {
                    totalRow = row;
                }
            }
            assertThat(totalRow).isNotNull();
            int col = 3;
            for (ProgressMetric m : ProgressMetric.values()) {
                assertThat(BigDecimal.valueOf(totalRow.getCell(col++).getNumericCellValue()).intValue()).as(m.name())
                        .isEqualTo(v(total, m));
            }
        }
    }

    @Test
    void aKeptQuarterAnswersWhatWasKeptAndOutsidersAndBadParametersAreRefused() throws Exception {
        assertThat(reports.keep(c.code(), lastQuarter, "test")).isTrue();
        assertThat(reports.keep(c.code(), lastQuarter, "test")).as("once").isFalse();
        JsonNode kept = get(c.reviewer(), "region=" + c.code() + "&period=" + lastQuarter);
        assertThat(kept.path("kept").asBoolean()).isTrue();
        assertThat(v(kept.path("total"), ProgressMetric.DIBAO_HOUSEHOLDS)).isZero();
        // A correction afterwards (an enrolment recorded into that quarter) does not rewrite it.
        RollFixture.Enrolled late = fixture.enrol(RollFixture.household(c.village(), "300.00").people(2, 2)
                .since(YearMonth.now().minusMonths(3).atDay(1)));
        jdbc.update("update enrolment set created_at = ? where id = ?", Timestamp.from(YearMonth.now().minusMonths(3)
                .atDay(2).atStartOfDay(TimeConfig.LEGAL_ZONE).toInstant()), late.id());
        assertThat(v(get(c.reviewer(), "region=" + c.code() + "&period=" + lastQuarter).path("total"),
                ProgressMetric.DIBAO_HOUSEHOLDS)).isZero();
        assertThat(http.withBasicAuth(REVIEWER9, PASSWORD).getForEntity("/api/reports/progress?region=" + c.code()
                + "&period=" + quarter, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> bad = http.withBasicAuth(c.reviewer(), PASSWORD).getForEntity(
                "/api/reports/progress?region=" + c.code() + "&period=2026-Q5", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("统计期");
    }
}
