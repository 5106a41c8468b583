package org.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.CASEWORKER1;
import static org.doudi.test.Demo.COUNTY_A;
import static org.doudi.test.Demo.PASSWORD;
import static org.doudi.test.Demo.POVERTY1;
import static org.doudi.test.Demo.REVIEWER1;
import static org.doudi.test.Demo.SUPERVISOR1;
import static org.doudi.test.Demo.TOWNSHIP_A1;
import static org.doudi.test.Demo.VILLAGE_A1;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.doudi.payments.RollFixture;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.RegionRepository;
import org.doudi.shared.Exports;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestCounties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * List answers as XLSX ({@code format=xlsx} or the workbook's {@code Accept}): opened with Apache POI and read back —
 * Chinese headings, the same rows as the JSON answer, resident IDs masked as the JSON has them, the answer's totals on
 * a second sheet; a format an answer does not come in is a 406 in Chinese, a bad filter still a 400.
 */
@IntegrationTest
class ExportTest {

    static final String XLSX = Exports.XLSX;

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

    final ObjectMapper json = new ObjectMapper();
    final DataFormatter formatter = new DataFormatter();

    ResponseEntity<byte[]> get(String user, String path, String accept) {
        HttpHeaders h = new HttpHeaders();
        if (accept != null) {
            h.set(HttpHeaders.ACCEPT, accept);
        }
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, new HttpEntity<>(h), byte[].class);
    }

    JsonNode json(String user, String path) throws Exception {
        ResponseEntity<byte[]> r = get(user, path, "application/json");
        assertThat(r.getStatusCode()).as(new String(r.getBody(), StandardCharsets.UTF_8)).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    XSSFWorkbook workbook(ResponseEntity<byte[]> r, String title) throws Exception {
        assertThat(r.getStatusCode()).as(r.getBody() == null ? "" : new String(r.getBody(), StandardCharsets.UTF_8))
                .isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().toString()).startsWith(XLSX);
        String disposition = URLDecoder.decode(r.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION),
                StandardCharsets.UTF_8);
        assertThat(disposition).startsWith("attachment").contains(title).contains(".xlsx");
        XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getBody()));
        assertThat(book.getSheetAt(0).getSheetName()).isEqualTo(title);
        return book;
    }

    List<String> row(Sheet sheet, int n) {
        List<String> cells = new ArrayList<>();
        Row row = sheet.getRow(n);
        if (row != null) {
            for (Cell c : row) {
                cells.add(formatter.formatCellValue(c));
            }
        }
        return cells;
    }

    /** The value next to a label on the summary sheet. */
    String summary(XSSFWorkbook book, String label) {
        Sheet s = book.getSheet(XlsxMessageConverter.SUMMARY);
        for (Row r : s) {
            if (r.getCell(0) != null && label.equals(formatter.formatCellValue(r.getCell(0)))) {
                return formatter.formatCellValue(r.getCell(1));
            }
        }
        return null;
    }

    static List<String> all(XSSFWorkbook book, DataFormatter f) {
        List<String> cells = new ArrayList<>();
        book.forEach(sheet -> sheet.forEach(r -> r.forEach(c -> cells.add(f.formatCellValue(c)))));
        return cells;
    }

    @Test
    void warningsComeAsAWorkbookWithTheSameRowsChineseHeadingsAndMaskedIds() throws Exception {
        RollFixture.County c = new RollFixture(jdbc, counties, regions, policies, identity, tx).county(AmountRule.EXACT);
        List<String> ids = List.of(ResidentIds.ofAge(40), ResidentIds.ofAge(50), ResidentIds.ofAge(60));
        for (String id : ids) {
            jdbc.update("insert into monitoring_warning (rule, kind, level, reason, status, id_number, name,"
                    + " village_code, township_code, county_code, facts, open_rule, raised_at) values"
                    + " ('MULTIPLE_ROSTERS', 'MISSED', 'YELLOW', '在多个部门名单中', 'NEW', ?, '导出甲', ?, ?, ?, 'f',"
                    + " 'MULTIPLE_ROSTERS', ?)", id, c.village(), c.township(), c.code(), Timestamp.from(Instant.now()));
        }
        String path = "/api/warnings?region=" + c.township();
        JsonNode answer = json(c.caseworker(), path);
        assertThat(answer.path("total").asInt()).isEqualTo(3);

        XSSFWorkbook book = workbook(get(c.caseworker(), path + "&format=xlsx", null), "监测预警");
        Sheet sheet = book.getSheetAt(0);
        assertThat(row(sheet, 0)).startsWith("预警编号", "预警规则", "预警类别", "预警原因", "预警等级", "状态", "姓名",
                "身份证号（脱敏）");
        assertThat(sheet.getLastRowNum()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            JsonNode item = answer.path("items").get(i);
            List<String> cells = row(sheet, i + 1);
            assertThat(cells.get(0)).isEqualTo(item.path("warningId").asText());
            assertThat(cells.get(7)).isEqualTo(item.path("idNumberMasked").asText()).contains("********");
            assertThat(cells.get(5)).isEqualTo("待处理".equals(cells.get(5)) ? "待处理" : item.path("statusLabel").asText());
        }
        assertThat(all(book, formatter)).noneMatch(cell -> ids.stream().anyMatch(cell::contains));
        assertThat(summary(book, "合计条数")).isEqualTo("3");

        // The same by Accept; a page of it with page and size.
        assertThat(workbook(get(c.caseworker(), path, XLSX), "监测预警").getSheetAt(0).getLastRowNum()).isEqualTo(3);
        assertThat(workbook(get(c.caseworker(), path + "&page=1&size=2&format=xlsx", null), "监测预警").getSheetAt(0)
                .getLastRowNum()).isEqualTo(1);

        // A bad filter is still a 400 in Chinese; a format no answer comes in, or XLSX of one case, a 406.
        ResponseEntity<byte[]> bad = get(c.caseworker(), path + "&status=BOGUS&format=xlsx", null);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(new String(bad.getBody(), StandardCharsets.UTF_8)).contains("「状态」");
        ResponseEntity<byte[]> pdf = get(c.caseworker(), path + "&format=pdf", null);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        assertThat(new String(pdf.getBody(), StandardCharsets.UTF_8)).contains("「格式」");
        // Outside his region: refused as JSON, no workbook.
        ResponseEntity<byte[]> outside = get(CASEWORKER1, path + "&format=xlsx", null);
        assertThat(outside.getStatusCode().is4xxClientError()).isTrue();
        assertThat(outside.getHeaders().getContentType().toString()).doesNotContain("spreadsheet");
    }

    @Autowired
    CaseDriver driver;

    @Test
    void theOtherListsComeAsWorkbooksToo() throws Exception {
        String number = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        // Supervision, paged: its rows, and its totals by township and step on the summary sheet.
        String overdue = "/api/supervision/overdue?region=" + COUNTY_A + "&page=0&size=200";
        JsonNode o = json(SUPERVISOR1, overdue);
        XSSFWorkbook ob = workbook(get(SUPERVISOR1, overdue + "&format=xlsx", null), "督办事项");
        assertThat(row(ob.getSheetAt(0), 0)).startsWith("案件（事项）编号", "办理环节");
        assertThat(ob.getSheetAt(0).getLastRowNum()).isEqualTo(o.path("items").size());
        assertThat(summary(ob, "合计件数")).isEqualTo(o.path("total").asText());
        assertThat(all(ob, formatter)).contains("按乡镇", "按环节");

        // Case search, referrals, the reserve fund's ledger.
        String search = "/api/cases?region=" + COUNTY_A;
        JsonNode s = json(REVIEWER1, search);
        XSSFWorkbook sb = workbook(get(REVIEWER1, search + "&format=xlsx", null), "案件");
        assertThat(row(sb.getSheetAt(0), 0)).startsWith("案件编号", "救助项目", "状态", "申请人", "身份证号（脱敏）");
        assertThat((long) sb.getSheetAt(0).getLastRowNum()).isEqualTo(Math.min(s.path("total").asLong(),
                Exports.MAX_ROWS));

        String referrals = "/api/referrals?region=" + COUNTY_A;
        JsonNode r = json(POVERTY1, referrals);
        XSSFWorkbook rb = workbook(get(POVERTY1, referrals + "&format=xlsx", null), "转介扶贫部门");
        assertThat(rb.getSheetAt(0).getLastRowNum()).isEqualTo(r.size() == 0 ? 0 : r.size());

        String fund = "/api/funds/" + TOWNSHIP_A1;
        JsonNode f = json(CASEWORKER1, fund);
        XSSFWorkbook fb = workbook(get(CASEWORKER1, fund + "?format=xlsx", null), "备用金台账");
        assertThat(fb.getSheetAt(0).getLastRowNum()).isEqualTo(f.path("entries").size());
        assertThat(summary(fb, "当前余额（元）")).isEqualTo(f.path("balance").decimalValue().setScale(2).toPlainString());

        // One case is no list.
        assertThat(get(REVIEWER1, "/api/cases/" + number + "?format=xlsx", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    }
}
