package org.doudi.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.payments.RollFixture.household;
import static org.doudi.test.Demo.PASSWORD;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.doudi.payments.RollFixture.County;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.RegionRepository;
import org.doudi.test.IntegrationTest;
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
 * The XLSX export read back with POI: its line cells, summed as BigDecimal, equal the API's totals to the fen, by
 * township and for the county; township staff get their township's part only.
 */
@IntegrationTest
class PaymentRollExportTest {

    static final YearMonth MONTH = YearMonth.of(2026, 5);

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

    private final ObjectMapper json = new ObjectMapper();

    /** A line row of the sheet, or a subtotal / total row. */
    record Row9(String township, String number, String name, String id, String kind, BigDecimal amount, String bank) {
    }

    @Test
    void theExportsLinesSumToTheRollsTotalsToTheFen() throws Exception {
        RollFixture fixture = new RollFixture(jdbc, counties, regions, policies, identity, tx);
        County c = fixture.county(AmountRule.EXACT);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int n = 150;
        for (int i = 0; i < n; i++) {
            RollFixture.Spec s = household(i % 3 == 0 ? c.village2() : c.village(),
                    BigDecimal.valueOf(random.nextLong(1_000, 200_000), 2).toPlainString());
            if (i % 7 == 0) {
                s.since(LocalDate.of(2026, 5, 1 + random.nextInt(30)));
            }
            if (i % 11 == 0) {
                s.phaseOut(MONTH.plusMonths(2), BigDecimal.valueOf(random.nextInt(1, 10_000), 4).toPlainString());
            }
            if (i % 5 == 0) {
                s.bank("BANK-" + i);
            }
            fixture.enrol(s);
        }
        ResponseEntity<String> generated = post(c.reviewer(), "/api/payment-rolls/" + c.code() + "/" + MONTH);
        assertThat(generated.getStatusCode()).as(generated.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode roll = json.readTree(generated.getBody());
        assertThat(roll.path("households").asInt()).isEqualTo(n);

        ResponseEntity<byte[]> export = http.withBasicAuth(c.reviewer(), PASSWORD)
                .getForEntity("/api/payment-rolls/" + c.code() + "/" + MONTH + "/export", byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType().toString()).isEqualTo(PaymentRollController.XLSX);
        assertThat(export.getHeaders().getContentDisposition().getFilename()).isEqualTo("发放名册-" + c.code() + "-"
                + MONTH + ".xlsx");
        Sheet sheet = sheet(export.getBody());
        assertThat(text(sheet.getRow(0), 0)).contains(c.code()).contains("2026 年 5 月").contains("草稿");
        List<String> headers = new ArrayList<>();
        sheet.getRow(1).forEach(cell -> headers.add(cell.getStringCellValue()));
        assertThat(headers).containsExactly("乡镇", "保障编号", "姓名", "身份证号(脱敏)", "家庭人口", "保障人数", "金额(元)", "类别",
                "银行账户");

        List<Row9> lines = new ArrayList<>();
        Map<String, BigDecimal> subtotals = new HashMap<>();
        BigDecimal total = null;
        String lastTownship = null;
        Map<String, BigDecimal> byTownshipName = new HashMap<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String first = text(row, 0);
            BigDecimal amount = amount(row.getCell(6));
            if (first.equals(RollWorkbook.TOTAL)) {
                total = amount;
                assertThat(r).as("the total is the last row").isEqualTo(sheet.getLastRowNum());
            } else if (first.endsWith(" " + RollWorkbook.SUBTOTAL)) {
                String township = first.substring(0, first.length() - RollWorkbook.SUBTOTAL.length() - 1);
                assertThat(township).as("a subtotal follows its township's lines").isEqualTo(lastTownship);
                subtotals.put(township, amount);
            } else {
                Row9 line = new Row9(first, text(row, 1), text(row, 2), text(row, 3), text(row, 7), amount, text(row, 8));
                lines.add(line);
                lastTownship = first;
                byTownshipName.merge(first, amount, BigDecimal::add);
            }
        }
        assertThat(lines).hasSize(n);
        BigDecimal sum = lines.stream().map(Row9::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(roll.path("total").decimalValue());
        assertThat(total).isEqualByComparingTo(sum);
        assertThat(subtotals).hasSize(2);
        for (JsonNode t : roll.path("byTownship")) {
            String name = t.path("townshipName").asText();
            assertThat(subtotals.get(name)).as(name).isEqualByComparingTo(t.path("total").decimalValue());
            assertThat(byTownshipName.get(name)).as(name).isEqualByComparingTo(t.path("total").decimalValue());
        }
        // The lines say the same as the API's, in the same order.
        JsonNode apiLines = roll.path("lines");
        for (int i = 0; i < n; i++) {
            assertThat(lines.get(i).number()).isEqualTo(apiLines.get(i).path("enrolmentNumber").asText());
            assertThat(lines.get(i).amount()).isEqualByComparingTo(apiLines.get(i).path("amount").decimalValue());
            assertThat(lines.get(i).id()).isEqualTo(apiLines.get(i).path("idNumberMasked").asText()).contains("********");
            assertThat(lines.get(i).kind()).isEqualTo(LineKind.labelOf(apiLines.get(i).path("kind").asText()));
            assertThat(lines.get(i).bank()).isEqualTo(apiLines.get(i).path("bankAccountRef").asText(""));
        }
        assertThat(lines).extracting(Row9::kind).contains("全额", "首月按日折算", "渐退期");

        // Township staff: their township's lines, its subtotal, and a total of what they see.
        Sheet own = sheet(http.withBasicAuth(c.caseworker2(), PASSWORD)
                .getForEntity("/api/payment-rolls/" + c.code() + "/" + MONTH + "/export", byte[].class).getBody());
        JsonNode ownRoll = get(c.caseworker2(), "/api/payment-rolls/" + c.code() + "/" + MONTH);
        BigDecimal ownSum = BigDecimal.ZERO;
        int ownLines = 0;
        for (int r = 2; r < own.getLastRowNum(); r++) {
            String first = text(own.getRow(r), 0);
            if (!first.endsWith(RollWorkbook.SUBTOTAL)) {
                assertThat(first).endsWith("二镇");
                ownSum = ownSum.add(amount(own.getRow(r).getCell(6)));
                ownLines++;
            }
        }
        assertThat(ownLines).isEqualTo(ownRoll.path("households").asInt()).isEqualTo(n / 3);
        assertThat(ownSum).isEqualByComparingTo(ownRoll.path("total").decimalValue());
        assertThat(amount(own.getRow(own.getLastRowNum()).getCell(6))).isEqualByComparingTo(ownSum);

        // A confirmed roll says so in its title.
        post(c.reviewer(), "/api/payment-rolls/" + c.code() + "/" + MONTH + "/confirmation");
        byte[] confirmed = http.withBasicAuth(c.reviewer(), PASSWORD)
                .getForEntity("/api/payment-rolls/" + c.code() + "/" + MONTH + "/export", byte[].class).getBody();
        assertThat(text(sheet(confirmed).getRow(0), 0)).contains("已确认");
    }

    private static Sheet sheet(byte[] xlsx) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx)).getSheetAt(0);
    }

    private static String text(Row row, int column) {
        Cell c = row.getCell(column);
        return c == null ? "" : c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.toString();
    }

    /** A numeric cell as the fen it holds. */
    private static BigDecimal amount(Cell c) {
        assertThat(c.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(c.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        return BigDecimal.valueOf(c.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }

    private ResponseEntity<String> post(String user, String path) {
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(null,
                new HttpHeaders()), String.class);
    }

    private JsonNode get(String user, String path) throws Exception {
        return json.readTree(http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class).getBody());
    }
}
