package org.doudi.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.payments.RollFixture.household;
import static org.doudi.test.Demo.CLERK1;
import static org.doudi.test.Demo.PASSWORD;
import static org.doudi.test.Demo.POVERTY1;
import static org.doudi.test.Demo.REVIEWER1;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.doudi.payments.RollFixture.County;
import org.doudi.payments.RollFixture.Enrolled;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.RegionRepository;
import org.doudi.shared.PersonalData;
import org.doudi.test.IntegrationTest;
import org.doudi.test.TestCounties;
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
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Payment rolls over HTTP on the test database (H2, or MySQL with -Pmysql): what is payable and for how much,
 * totals to the fen, drafts, confirmation, supplementary rolls, concurrent generation and who may do what.
 */
@IntegrationTest
class PaymentRollApiTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);

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
    Payments payments;

    private final ObjectMapper json = new ObjectMapper();
    private RollFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new RollFixture(jdbc, counties, regions, policies, identity, tx);
    }

    // --- what is paid ----------------------------------------------------------------------------------------------

    @Test
    void paysEveryEnrolmentPayableInTheMonthAsTheCountyRulesAndTotalsAreTheSumOfTheLines() throws Exception {
        County c = fixture.county(AmountRule.EXACT);
        String idNumber = "11010519491231002X";
        Enrolled full = fixture.enrol(household(c.village(), "600.00").payee("王芳", idNumber).bank("ICBC-0001")
                .people(4, 3));
        // Approved on 2026-03-10, covered from the 11th: 21 of March's 31 days of 480.00 = 325.1612… → 325.16.
        Enrolled prorated = fixture.enrol(household(c.village(), "480.00").since(LocalDate.of(2026, 3, 11)));
        // 渐退期 at half of 333.33 = 166.665 → 166.67 (四舍五入).
        Enrolled phaseOut = fixture.enrol(household(c.village(), "333.33").phaseOut(YearMonth.of(2026, 5), "0.5000"));
        Enrolled suspendedNow = fixture.enrol(household(c.village(), "700.00").suspendedFrom(MARCH));
        Enrolled suspendedLater = fixture.enrol(household(c.village(), "710.00").suspendedFrom(MARCH.plusMonths(1)));
        Enrolled endedBefore = fixture.enrol(household(c.village(), "720.00").lastPaid(MARCH.minusMonths(1)));
        Enrolled endingNow = fixture.enrol(household(c.village(), "730.00").lastPaid(MARCH));
        Enrolled history = fixture.enrol(household(c.village(), "450.00").since(LocalDate.of(2025, 6, 1))
                .amountFrom(YearMonth.of(2026, 1), "500.00").amountFrom(YearMonth.of(2026, 7), "550.00"));
        Enrolled notYet = fixture.enrol(household(c.village(), "740.00").since(LocalDate.of(2026, 4, 1)));
        Enrolled otherTownship = fixture.enrol(household(c.village2(), "1234.56").programme("TEKUN").people(1, 1));
        Enrolled prorateFromTheFirst = fixture.enrol(household(c.village2(), "300.00").since(LocalDate.of(2026, 3, 1)));

        ResponseEntity<String> created = post(c.reviewer(), path(c, MARCH), null);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode roll = json.readTree(created.getBody());
        assertThat(roll.path("status").asText()).isEqualTo("DRAFT");
        assertThat(roll.path("countyCode").asText()).isEqualTo(c.code());
        assertThat(roll.path("month").asText()).isEqualTo("2026-03");

        Map<String, JsonNode> lines = byNumber(roll.path("lines"));
        assertThat(lines.keySet()).containsExactlyInAnyOrder(full.number(), prorated.number(), phaseOut.number(),
                suspendedLater.number(), endingNow.number(), history.number(), otherTownship.number(),
                prorateFromTheFirst.number());
        assertLine(lines.get(full.number()), "600.00", "600.00", "FULL");
        assertLine(lines.get(prorated.number()), "480.00", "325.16", "PRORATED");
        assertLine(lines.get(phaseOut.number()), "333.33", "166.67", "PHASE_OUT");
        assertLine(lines.get(suspendedLater.number()), "710.00", "710.00", "FULL");
        assertLine(lines.get(endingNow.number()), "730.00", "730.00", "FULL");
        assertLine(lines.get(history.number()), "500.00", "500.00", "FULL");
        assertLine(lines.get(otherTownship.number()), "1234.56", "1234.56", "FULL");
        assertLine(lines.get(prorateFromTheFirst.number()), "300.00", "300.00", "FULL");
        JsonNode w = lines.get(full.number());
        assertThat(w.path("name").asText()).isEqualTo("王芳");
        assertThat(w.path("idNumberMasked").asText()).isEqualTo(PersonalData.maskIdNumber(idNumber))
                .isEqualTo("110105********002X");
        assertThat(w.path("householdSize").asInt()).isEqualTo(4);
        assertThat(w.path("coveredPeople").asInt()).isEqualTo(3);
        assertThat(w.path("bankAccountRef").asText()).isEqualTo("ICBC-0001");
        assertThat(w.path("townshipCode").asText()).isEqualTo(c.township());
        assertThat(lines.get(otherTownship.number()).path("programme").asText()).isEqualTo("TEKUN");
        assertThat(created.getBody()).doesNotContain(idNumber).doesNotContain(suspendedNow.number())
                .doesNotContain(endedBefore.number()).doesNotContain(notYet.number());

        BigDecimal first = sum("600.00", "325.16", "166.67", "710.00", "730.00", "500.00");
        BigDecimal second = sum("1234.56", "300.00");
        assertThat(roll.path("households").asInt()).isEqualTo(8);
        assertThat(roll.path("people").asInt()).isEqualTo(3 + 3 + 3 + 3 + 3 + 3 + 1 + 3);
        assertThat(roll.path("total").decimalValue()).isEqualByComparingTo(first.add(second));
        assertThat(roll.path("lineCount").asInt()).isEqualTo(8);
        JsonNode byTownship = roll.path("byTownship");
        assertThat(byTownship).hasSize(2);
        assertThat(byTownship.get(0).path("townshipCode").asText()).isEqualTo(c.township());
        assertThat(byTownship.get(0).path("households").asInt()).isEqualTo(6);
        assertThat(byTownship.get(0).path("total").decimalValue()).isEqualByComparingTo(first);
        assertThat(byTownship.get(1).path("total").decimalValue()).isEqualByComparingTo(second);
        assertThat(byTownship.get(1).path("townshipName").asText()).endsWith("二镇");
        assertTotalsAreTheSumOfTheLines(roll);

        // The amount history picks the row in force: 450.00 in 2025-12, 550.00 from July.
        assertLine(byNumber(json.readTree(post(c.reviewer(), path(c, YearMonth.of(2025, 12)), null).getBody())
                .path("lines")).get(history.number()), "450.00", "450.00", "FULL");
        JsonNode july = json.readTree(post(c.reviewer(), path(c, YearMonth.of(2026, 7)), null).getBody());
        assertLine(byNumber(july.path("lines")).get(history.number()), "550.00", "550.00", "FULL");
        // In June the gradual exit is over (paid up to May): the enrolment is paid in full by its amount row.
        JsonNode june = json.readTree(post(c.reviewer(), path(c, YearMonth.of(2026, 6)), null).getBody());
        assertLine(byNumber(june.path("lines")).get(phaseOut.number()), "333.33", "333.33", "FULL");
        assertThat(byNumber(june.path("lines"))).doesNotContainKey(suspendedLater.number())
                .doesNotContainKey(endingNow.number());
        assertLine(byNumber(june.path("lines")).get(prorated.number()), "480.00", "480.00", "FULL");

        // GET answers the same roll; the lines page in township and enrolment order.
        JsonNode again = get(c.reviewer(), path(c, MARCH) + "?page=1&size=3");
        assertThat(again.path("total").decimalValue()).isEqualByComparingTo(roll.path("total").decimalValue());
        assertThat(again.path("lines")).hasSize(3);
        assertThat(again.path("lines").get(0).path("enrolmentNumber").asText())
                .isEqualTo(roll.path("lines").get(3).path("enrolmentNumber").asText());
        assertThat(get(c.reviewer(), path(c, MARCH) + "?page=2&size=3").path("lines")).hasSize(2);
    }

    @Test
    void roundsSharesAndPartMonthsByTheCountysRuleInForceThatMonth() throws Exception {
        County c = fixture.county(new AmountRule(AmountRule.Unit.JIAO, AmountRule.Mode.DOWN, new BigDecimal("400")));
        fixture.ruleFrom(c.code(), YearMonth.of(2026, 4), new AmountRule(AmountRule.Unit.YUAN, AmountRule.Mode.UP, null));
        Enrolled prorated = fixture.enrol(household(c.village(), "480.00").since(LocalDate.of(2026, 3, 11)));
        Enrolled phaseOut = fixture.enrol(household(c.village(), "333.33").phaseOut(YearMonth.of(2026, 5), "0.5000"));
        Enrolled small = fixture.enrol(household(c.village(), "0.05").phaseOut(YearMonth.of(2026, 5), "0.1000"));
        Enrolled april = fixture.enrol(household(c.village(), "480.00").since(LocalDate.of(2026, 4, 30)));
        Enrolled full = fixture.enrol(household(c.village(), "123.45"));

        Map<String, JsonNode> march = byNumber(json.readTree(post(c.reviewer(), path(c, MARCH), null).getBody())
                .path("lines"));
        // 精确到角，舍去尾数: 325.16… → 325.10, 166.665 → 166.60; the county's minimum (400) is the monthly
        // amount's, not a share's; 0.005 → a positive amount never rounds to nothing: 0.10.
        assertLine(march.get(prorated.number()), "480.00", "325.10", "PRORATED");
        assertLine(march.get(phaseOut.number()), "333.33", "166.60", "PHASE_OUT");
        assertLine(march.get(small.number()), "0.05", "0.10", "PHASE_OUT");
        // A full month pays the amount as it was decided, never rounded again.
        assertLine(march.get(full.number()), "123.45", "123.45", "FULL");

        Map<String, JsonNode> inApril = byNumber(json.readTree(post(c.reviewer(), path(c, MARCH.plusMonths(1)), null)
                .getBody()).path("lines"));
        // From April the county rounds to the yuan, up: 166.665 → 167; 480 × 1/30 = 16 exactly stays 16.
        assertLine(inApril.get(phaseOut.number()), "333.33", "167.00", "PHASE_OUT");
        assertLine(inApril.get(april.number()), "480.00", "16.00", "PRORATED");
        assertLine(inApril.get(prorated.number()), "480.00", "480.00", "FULL");
    }

    // --- drafts, confirmation, supplementary rolls ----------------------------------------------------------------

    @Test
    void generatingADraftAgainReplacesItAndAConfirmedMonthIsFrozen() throws Exception {
        County c = fixture.county(AmountRule.EXACT);
        fixture.enrol(household(c.village(), "500.00"));
        Enrolled changed = fixture.enrol(household(c.village(), "400.00"));
        JsonNode first = json.readTree(post(c.reviewer(), path(c, MARCH), null).getBody());
        assertThat(first.path("total").decimalValue()).isEqualByComparingTo("900.00");
        assertThat(first.path("generatedBy").asText()).isEqualTo(c.reviewer());

        fixture.enrol(household(c.village2(), "250.50"));
        fixture.correctAmount(changed.id(), YearMonth.of(2026, 1), "410.00");
        ResponseEntity<String> again = post(c.reviewer(), path(c, MARCH), null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode second = json.readTree(again.getBody());
        assertThat(second.path("total").decimalValue()).isEqualByComparingTo("1160.50");
        assertThat(second.path("households").asInt()).isEqualTo(3);
        assertThat(second.path("version").asLong()).isGreaterThan(first.path("version").asLong());
        assertThat(rolls(c.code(), MARCH)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from payment_roll_line l join payment_roll r on r.id = l.roll_id"
                + " where r.county_code = ? and r.pay_month = ?", Integer.class, c.code(), MARCH.toString())).isEqualTo(3);
        assertTotalsAreTheSumOfTheLines(second);

        // Confirming a version that is no longer the draft's is refused; the current one is frozen.
        ResponseEntity<String> stale = post(c.reviewer(), path(c, MARCH) + "/confirmation",
                Map.of("version", first.path("version").asLong()));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> confirmed = post(c.reviewer(), path(c, MARCH) + "/confirmation",
                Map.of("version", second.path("version").asLong()));
        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode frozen = json.readTree(confirmed.getBody());
        assertThat(frozen.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(frozen.path("confirmedBy").asText()).isEqualTo(c.reviewer());
        assertThat(frozen.path("total").decimalValue()).isEqualByComparingTo("1160.50");

        ResponseEntity<String> regenerate = post(c.reviewer(), path(c, MARCH), null);
        assertThat(regenerate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(regenerate.getBody()).contains("已确认").contains("补发");
        assertThat(post(c.reviewer(), path(c, MARCH) + "/confirmation", null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        fixture.correctAmount(changed.id(), YearMonth.of(2026, 1), "999.00");
        assertThat(get(c.reviewer(), path(c, MARCH)).path("total").decimalValue()).isEqualByComparingTo("1160.50");
    }

    @Test
    void aSupplementaryRollPaysWhatTheConfirmedMonthMissedOrPaidShort() throws Exception {
        County c = fixture.county(AmountRule.EXACT);
        Enrolled kept = fixture.enrol(household(c.village(), "500.00"));
        Enrolled raised = fixture.enrol(household(c.village(), "400.00"));
        Enrolled lowered = fixture.enrol(household(c.village(), "300.00"));
        assertThat(post(c.reviewer(), path(c, MARCH) + "/supplements", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        post(c.reviewer(), path(c, MARCH), null);
        ResponseEntity<String> onDraft = post(c.reviewer(), path(c, MARCH) + "/supplements", null);
        assertThat(onDraft.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(onDraft.getBody()).contains("尚未确认");
        post(c.reviewer(), path(c, MARCH) + "/confirmation", null);

        // After the confirmation: an approval late in March (covered from the 25th: 7 of 31 days of 620.00 =
        // 140.00), a correction upwards and one downwards (never taken back through a roll).
        Enrolled late = fixture.enrol(household(c.village2(), "620.00").since(LocalDate.of(2026, 3, 25)));
        fixture.correctAmount(raised.id(), YearMonth.of(2026, 1), "450.25");
        fixture.correctAmount(lowered.id(), YearMonth.of(2026, 1), "250.00");

        ResponseEntity<String> created = post(c.reviewer(), path(c, MARCH) + "/supplements", null);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo(path(c, MARCH) + "/supplements/1");
        JsonNode supplement = json.readTree(created.getBody());
        assertThat(supplement.path("sequence").asInt()).isEqualTo(1);
        assertThat(supplement.path("status").asText()).isEqualTo("DRAFT");
        Map<String, JsonNode> lines = byNumber(supplement.path("lines"));
        assertThat(lines.keySet()).containsExactlyInAnyOrder(late.number(), raised.number());
        assertLine(lines.get(late.number()), "620.00", "140.00", "PRORATED");
        assertThat(lines.get(late.number()).path("previouslyPaid").decimalValue()).isEqualByComparingTo("0");
        assertLine(lines.get(raised.number()), "450.25", "50.25", "FULL");
        assertThat(lines.get(raised.number()).path("previouslyPaid").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(supplement.path("total").decimalValue()).isEqualByComparingTo("190.25");
        assertTotalsAreTheSumOfTheLines(supplement);

        // Generating it again replaces the draft; the month's roll lists it.
        ResponseEntity<String> again = post(c.reviewer(), path(c, MARCH) + "/supplements", null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(again.getBody()).path("sequence").asInt()).isEqualTo(1);
        assertThat(get(c.reviewer(), path(c, MARCH)).path("supplements").get(0).path("status").asText())
                .isEqualTo("DRAFT");
        assertThat(post(c.reviewer(), path(c, MARCH) + "/supplements/1/confirmation", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(post(c.reviewer(), path(c, MARCH) + "/supplements/1/confirmation", null).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        // Once paid, nothing more is owed: a further supplementary roll has no lines.
        ResponseEntity<String> second = post(c.reviewer(), path(c, MARCH) + "/supplements", null);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(second.getBody()).path("sequence").asInt()).isEqualTo(2);
        assertThat(json.readTree(second.getBody()).path("households").asInt()).isZero();
        assertThat(get(c.reviewer(), path(c, MARCH) + "/supplements/1").path("status").asText())
                .isEqualTo("CONFIRMED");

        // What other modules read: the confirmed payments of an enrolment, roll and supplements together.
        assertThat(payments.paymentsOf(raised.id())).containsExactly(new MonthlyPayment(MARCH, new BigDecimal("450.25")));
        assertThat(payments.paymentsOf(lowered.id())).containsExactly(new MonthlyPayment(MARCH, new BigDecimal("300.00")));
        assertThat(payments.paidFrom(late.id(), MARCH)).isEqualByComparingTo("140.00");
        assertThat(payments.paidFrom(kept.id(), MARCH.plusMonths(1))).isEqualByComparingTo("0.00");
        post(c.reviewer(), path(c, MARCH.plusMonths(1)), null);
        post(c.reviewer(), path(c, MARCH.plusMonths(1)) + "/confirmation", null);
        assertThat(payments.paidFrom(kept.id(), MARCH)).isEqualByComparingTo("1000.00");
        assertThat(payments.paymentsOf(kept.id())).extracting(MonthlyPayment::month)
                .containsExactly(MARCH, MARCH.plusMonths(1));
    }

    @Test
    void generationsOfTheSameMonthAtOnceMakeOneRoll() throws Exception {
        County c = fixture.county(AmountRule.EXACT);
        for (int i = 0; i < 20; i++) {
            fixture.enrol(household(i % 2 == 0 ? c.village() : c.village2(), "%d.%02d".formatted(300 + i, i)));
        }
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<ResponseEntity<String>> call = () -> {
                start.await();
                return post(c.reviewer(), path(c, MARCH), null);
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        Map<HttpStatus, Integer> statuses = new HashMap<>();
        for (Future<ResponseEntity<String>> a : answers) {
            ResponseEntity<String> r = a.get();
            statuses.merge(HttpStatus.valueOf(r.getStatusCode().value()), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(statuses).containsEntry(HttpStatus.CREATED, 1).containsEntry(HttpStatus.OK, n - 1);
        assertThat(rolls(c.code(), MARCH)).isEqualTo(1);
        JsonNode roll = get(c.reviewer(), path(c, MARCH));
        assertThat(roll.path("households").asInt()).isEqualTo(20);
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 20; i++) {
            expected = expected.add(new BigDecimal("%d.%02d".formatted(300 + i, i)));
        }
        assertThat(roll.path("total").decimalValue()).isEqualByComparingTo(expected);
        assertThat(roll.path("version").asLong()).isEqualTo(n);
    }

    // --- who may --------------------------------------------------------------------------------------------------

    @Test
    void theCountysStaffGenerateAndConfirmSupervisorsAndOperatorsReadTownshipsReadTheirOwnPart() throws Exception {
        County c = fixture.county(AmountRule.EXACT);
        fixture.enrol(household(c.village(), "500.00"));
        fixture.enrol(household(c.village2(), "321.00"));
        for (String outsider : List.of(REVIEWER1, CLERK1, POVERTY1)) {
            assertThat(post(outsider, path(c, MARCH), null).getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
        }
        for (String reader : List.of(c.supervisor(), "admin", c.caseworker())) {
            assertThat(post(reader, path(c, MARCH), null).getStatusCode()).as(reader).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rolls(c.code(), MARCH)).isZero();
        ResponseEntity<String> none = http.withBasicAuth(c.reviewer(), PASSWORD).getForEntity(path(c, MARCH), String.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getBody()).contains("尚未生成");
        post(c.reviewer(), path(c, MARCH), null);

        assertThat(get(c.supervisor(), path(c, MARCH)).path("total").decimalValue()).isEqualByComparingTo("821.00");
        assertThat(get("admin", path(c, MARCH)).path("households").asInt()).isEqualTo(2);
        JsonNode own = get(c.caseworker(), path(c, MARCH));
        assertThat(own.path("scope").asText()).isEqualTo("TOWNSHIPS");
        assertThat(own.path("total").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(own.path("households").asInt()).isEqualTo(1);
        assertThat(own.path("byTownship")).hasSize(1);
        assertThat(own.path("lines")).hasSize(1);
        assertThat(own.path("lines").get(0).path("townshipCode").asText()).isEqualTo(c.township());
        assertThat(get(c.caseworker2(), path(c, MARCH)).path("total").decimalValue()).isEqualByComparingTo("321.00");
        for (String outsider : List.of(REVIEWER1, CLERK1, POVERTY1)) {
            assertThat(http.withBasicAuth(outsider, PASSWORD).getForEntity(path(c, MARCH), String.class)
                    .getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(http.withBasicAuth(outsider, PASSWORD).getForEntity(path(c, MARCH) + "/export", String.class)
                    .getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
        }
        for (String reader : List.of(c.supervisor(), "admin", c.caseworker())) {
            assertThat(post(reader, path(c, MARCH) + "/confirmation", null).getStatusCode()).as(reader)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity(path(c, MARCH), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(c.reviewer(), path(c, MARCH)).path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void aBadCountyCodeMonthOrPageIsRefusedInChinese() throws Exception {
        County c = fixture.county(AmountRule.EXACT);
        for (String bad : List.of("/api/payment-rolls/13010/2026-03", "/api/payment-rolls/1301020/2026-03",
                "/api/payment-rolls/13010x/2026-03")) {
            ResponseEntity<String> r = post(c.reviewer(), bad, null);
            assertThat(r.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody()).contains("县级区划代码");
        }
        for (String month : List.of("2026-13", "2026-3", "202603", "2019-12")) {
            ResponseEntity<String> r = post(c.reviewer(), "/api/payment-rolls/" + c.code() + "/" + month, null);
            assertThat(r.getStatusCode()).as(month).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody()).contains("月份");
        }
        ResponseEntity<String> farAhead = post(c.reviewer(), "/api/payment-rolls/" + c.code() + "/2099-01", null);
        assertThat(farAhead.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(farAhead.getBody()).contains("只能生成");
        for (String query : List.of("?page=-1", "?size=0", "?size=10001", "?page=x")) {
            ResponseEntity<String> r = http.withBasicAuth(c.reviewer(), PASSWORD)
                    .getForEntity(path(c, MARCH) + query, String.class);
            assertThat(r.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(http.withBasicAuth(c.reviewer(), PASSWORD).getForEntity(path(c, MARCH) + "/supplements/0",
                String.class).getBody()).contains("补发批次");
        assertThat(post("admin", "/api/payment-rolls/139999/2026-03", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rolls(c.code(), MARCH)).isZero();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    static String path(County c, YearMonth month) {
        return "/api/payment-rolls/" + c.code() + "/" + month;
    }

    ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(user + " " + path + ": " + r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    int rolls(String county, YearMonth month) {
        return jdbc.queryForObject("select count(*) from payment_roll where county_code = ? and pay_month = ? and "
                + "sequence_no = 0", Integer.class, county, month.toString());
    }

    static Map<String, JsonNode> byNumber(JsonNode lines) {
        Map<String, JsonNode> m = new HashMap<>();
        lines.forEach(l -> m.put(l.path("enrolmentNumber").asText(), l));
        return m;
    }

    static void assertLine(JsonNode line, String monthly, String amount, String kind) {
        assertThat(line).as("line").isNotNull();
        assertThat(line.path("monthlyAmount").decimalValue()).as("monthly amount").isEqualByComparingTo(monthly);
        assertThat(line.path("amount").decimalValue()).as("amount of %s", line).isEqualByComparingTo(amount);
        assertThat(line.path("amount").decimalValue().scale()).isLessThanOrEqualTo(2);
        assertThat(line.path("kind").asText()).isEqualTo(kind);
    }

    static BigDecimal sum(String... amounts) {
        BigDecimal s = BigDecimal.ZERO;
        for (String a : amounts) {
            s = s.add(new BigDecimal(a));
        }
        return s;
    }

    /** The answer's totals equal the sums of its lines, to the fen (the whole roll on one page). */
    static void assertTotalsAreTheSumOfTheLines(JsonNode roll) {
        assertThat(roll.path("lines").size()).isEqualTo(roll.path("lineCount").asInt());
        Map<String, BigDecimal> byTownship = new HashMap<>();
        BigDecimal all = BigDecimal.ZERO;
        for (JsonNode l : roll.path("lines")) {
            byTownship.merge(l.path("townshipCode").asText(), l.path("amount").decimalValue(), BigDecimal::add);
            all = all.add(l.path("amount").decimalValue());
        }
        assertThat(roll.path("total").decimalValue()).isEqualByComparingTo(all);
        for (JsonNode t : roll.path("byTownship")) {
            assertThat(t.path("total").decimalValue()).isEqualByComparingTo(byTownship.get(t.path("townshipCode").asText()));
        }
    }
}
