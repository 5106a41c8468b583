package org.doudi.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.PASSWORD;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.TestCounties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * From approval to payment, end to end: a 低保 case approved on the engine becomes an enrolment by itself, the
 * county's payment roll of its first month pays it, the confirmed roll is frozen, the enrolment's
 * {@code payments} show what the roll paid, and the XLSX export carries the same amount.
 */
@IntegrationTest
class ApprovalToPaymentTest {

    @Autowired
    CaseDriver driver;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestCounties counties;

    final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anApprovedHouseholdIsPaidByItsCountysRollAndItsEnrolmentShowsThePayment() throws Exception {
        TestCounties.County k = counties.create(TestCounties.countyAValues());
        AssistanceCase c = driver.submit(k.caseworker(), CaseDriver.dibao(k.village(), 2));
        String n = c.caseNumber();
        driver.accept(k.caseworker(), n);
        driver.runDataVerification(n);
        driver.homeVisit(k.caseworker(), n, homeVisit(600, 0));
        driver.townshipReview(k.caseworker(), n, "approve", null);
        driver.letNoticeRunOut(n);
        driver.decide(k.reviewer(), n, "approve", null);
        YearMonth first = YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(TimeConfig.LEGAL_ZONE))
                .plusMonths(1);

        String number = EnrolmentFromApprovalTest.enrolmentOf(jdbc, c);
        String roll = "/api/payment-rolls/" + k.code() + "/" + first;

        // Nothing is payable in the month of the approval: the benefit starts the month after.
        JsonNode before = post(k.reviewer(), "/api/payment-rolls/" + k.code() + "/" + first.minusMonths(1),
                HttpStatus.OK, HttpStatus.CREATED);
        assertThat(before.path("households").asInt()).isZero();

        // 600 × 2 − 600 = 600.00 a month, the whole first month
        JsonNode draft = post(k.reviewer(), roll, HttpStatus.OK, HttpStatus.CREATED);
        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("households").asInt()).isEqualTo(1);
        assertThat(draft.path("people").asInt()).isEqualTo(2);
        assertThat(draft.path("total").decimalValue()).isEqualByComparingTo("600.00");
        JsonNode line = draft.path("lines").get(0);
        assertThat(line.path("enrolmentNumber").asText()).isEqualTo(number);
        assertThat(line.path("amount").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(line.path("idNumberMasked").asText()).contains("*");

        // A draft is no payment yet.
        assertThat(get(k.reviewer(), "/api/enrolments/" + number).path("payments")).isEmpty();

        post(k.reviewer(), roll + "/confirmation", HttpStatus.OK);
        ResponseEntity<String> again = http.withBasicAuth(k.reviewer(), PASSWORD).postForEntity(roll, null,
                String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        JsonNode payments = get(k.reviewer(), "/api/enrolments/" + number).path("payments");
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).path("month").asText()).isEqualTo(first.toString());
        assertThat(payments.get(0).path("amount").decimalValue()).isEqualByComparingTo("600.00");

        ResponseEntity<byte[]> export = http.withBasicAuth(k.reviewer(), PASSWORD).getForEntity(roll + "/export",
                byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(amountInExport(export.getBody(), number)).isEqualByComparingTo("600.00");
    }

    /** The amount cell of the enrolment's line: the first numeric cell after the one holding its number. */
    static BigDecimal amountInExport(byte[] xlsx, String enrolmentNumber) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                boolean found = false;
                int numbers = 0;
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && enrolmentNumber.equals(cell.getStringCellValue())) {
                        found = true;
                    } else if (found && cell.getCellType() == CellType.NUMERIC) {
                        numbers++;
                        // household size, covered people, then the amount
                        if (numbers == 3) {
                            return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2,
                                    java.math.RoundingMode.HALF_UP);
                        }
                    }
                }
            }
        }
        throw new AssertionError("no line of " + enrolmentNumber + " in the export");
    }

    JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    JsonNode post(String user, String path, HttpStatus... expected) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD).postForEntity(path, null, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isIn((Object[]) expected);
        return r.getBody() == null ? json.nullNode() : json.readTree(r.getBody());
    }
}
