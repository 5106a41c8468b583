package org.doudi.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.CaseDriver.member;
import static org.doudi.test.Demo.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.TimeConfig;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseStatus;
import org.doudi.region.EnrolmentRules;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestCounties;
import org.junit.jupiter.api.AfterEach;
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

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real approvals on the engine become enrolments (保障对象) by themselves, after the approval commits: 低保 with
 * 分类施保 lines, 特困 with its standards only, 单人户 covering its one member, a county that prorates the first
 * month; read back over {@code GET /api/enrolments/{n}} and {@code GET /api/cases/{n}}. A person enrolled is
 * refused a second application in the programme.
 */
@IntegrationTest
class EnrolmentFromApprovalTest {

    @Autowired
    CaseDriver driver;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestCounties counties;

    /** Amounts read as written (a double would turn 800.00 into 800.0). */
    final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    String enrolmentOf(AssistanceCase c) {
        return enrolmentOf(jdbc, c);
    }

    /** The enrolment number of a case, once the listener created it (after the approval committed). */
    static String enrolmentOf(JdbcTemplate jdbc, AssistanceCase c) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(
                "select enrolment_number from enrolment where case_id = ? and enrolment_number is not null",
                String.class, c.id()).isEmpty());
        return jdbc.queryForObject("select enrolment_number from enrolment where case_id = ?", String.class, c.id());
    }

    JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    /** The day the approval was carried out, on the engine's (moved) clock, China Standard Time. */
    static LocalDate approvedOn() {
        return ClockUtil.getCurrentTime().toInstant().atZone(TimeConfig.LEGAL_ZONE).toLocalDate();
    }

    List<String> coveredIds(String enrolmentNumber) {
        return jdbc.queryForList("select c.id_number from enrolment_coverage c join enrolment e on e.id ="
                + " c.enrolment_id where e.enrolment_number = ? order by c.id_number", String.class, enrolmentNumber);
    }

    static List<String> lines(JsonNode amount) {
        List<String> lines = new ArrayList<>();
        amount.path("lines").forEach(l -> lines.add(l.path("kind").asText() + "@" + l.path("memberPosition").asText("-")
                + "=" + l.path("amount").decimalValue().toPlainString()));
        return lines;
    }

    @Test
    void aDibaoHouseholdWithAnElderlyMemberAndAMinorIsEnrolledWithTheirAllowancesFromTheNextMonth() throws Exception {
        String applicant = ResidentIds.ofAge(45);
        String grandmother = ResidentIds.ofAge(72);
        String child = ResidentIds.ofAge(10);
        ApplicationForm form = new ApplicationForm("DIBAO", null, VILLAGE_A1,
                new ApplicationForm.Applicant("户主", applicant, "13800000000"),
                List.of(member("奶奶", grandmother, "GRANDPARENT"), member("孩子", child, "CHILD")), "因病致贫", null);
        AssistanceCase c = driver.submit(CASEWORKER1, form);
        String n = c.caseNumber();
        // wages 1 100, employment cost 100: 1 000 for 3 people, 600 × 3 − 1 000 = 800.00
        driver.investigate(n, homeVisit(1100, 100));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.letNoticeRunOut(n);
        driver.decide(REVIEWER1, n, "approve", null);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);
        LocalDate since = approvedOn().withDayOfMonth(1).plusMonths(1);

        String number = enrolmentOf(c);
        assertThat(number).matches("BZ-" + since.getYear() + "-" + TOWNSHIP_A1 + "-\\d{6}");
        assertThat(get(REVIEWER1, "/api/cases/" + n).path("enrolmentNumber").asText()).isEqualTo(number);

        JsonNode e = get(REVIEWER1, "/api/enrolments/" + number);
        assertThat(e.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(e.path("programme").asText()).isEqualTo("DIBAO");
        assertThat(e.path("unit").asText()).isEqualTo("HOUSEHOLD");
        assertThat(e.path("caseNumber").asText()).isEqualTo(n);
        assertThat(e.path("householdSize").asInt()).isEqualTo(3);
        assertThat(e.path("coveredPeople").asInt()).isEqualTo(3);
        assertThat(e.path("since").asText()).isEqualTo(since.toString());
        // county A: 10 % of its 600.00 standard for the grandmother (elderly from 60) and for the child
        JsonNode first = e.path("amountHistory").get(0);
        assertThat(first.path("fromMonth").asText()).isEqualTo(YearMonth.from(since).toString());
        assertThat(lines(first)).containsExactly("BASE@-=800.00", "ELDERLY@1=60.00", "MINOR@2=60.00");
        assertThat(first.path("amount").decimalValue()).isEqualByComparingTo("920.00");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode l : first.path("lines")) {
            sum = sum.add(l.path("amount").decimalValue());
        }
        assertThat(first.path("amount").decimalValue()).isEqualByComparingTo(sum);
        assertThat(e.path("monthlyAmount").decimalValue()).isEqualByComparingTo("920.00");
        // an able applicant of 45: reviewed every six months (county A: V18's defaults)
        assertThat(e.path("reviewClass").asText()).isEqualTo("CHANGING");
        assertThat(e.path("nextReviewDue").asText()).isEqualTo(since.plusMonths(6).toString());
        assertThat(e.path("members")).hasSize(3);
        e.path("members").forEach(m -> {
            assertThat(m.path("covered").asBoolean()).isTrue();
            assertThat(m.path("idNumberMasked").asText()).matches("\\d{6}\\*{8}[0-9X]{4}");
        });
        assertThat(e.path("payeeIdNumberMasked").asText()).isEqualTo(applicant.substring(0, 6) + "********"
                + applicant.substring(14));
        assertThat(e.toString()).doesNotContain(applicant, grandmother, child);
        assertThat(e.path("reviews")).isEmpty();
        assertThat(e.path("payments")).isEmpty();
        assertThat(e.has("stop")).isTrue();
        assertThat(e.path("stop").isNull()).isTrue();
        assertThat(coveredIds(number)).containsExactlyInAnyOrder(applicant, grandmother, child);

        // the child cannot be enrolled in 低保 a second time; 特困 is another programme
        ResponseEntity<String> again = apply("DIBAO", ResidentIds.ofAge(38), child);
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode refused = json.readTree(again.getBody());
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("members[0].idNumber");
        assertThat(refused.path("detail").asText()).contains("已纳入最低生活保障", number, "保障终止前不能再次申请")
                .doesNotContain(child);
        ResponseEntity<String> asApplicant = apply("DIBAO", grandmother, null);
        assertThat(asApplicant.getStatusCode()).as(asApplicant.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(asApplicant.getBody()).path("errors").get(0).path("field").asText())
                .isEqualTo("applicant.idNumber");
        ResponseEntity<String> tekun = apply("TEKUN", grandmother, null);
        assertThat(tekun.getStatusCode()).as(tekun.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    ResponseEntity<String> apply(String programme, String applicantId, String memberId) {
        List<Map<String, Object>> members = new ArrayList<>();
        if (memberId != null) {
            members.add(Map.of("name", "成员", "idNumber", memberId, "relation", "CHILD"));
        }
        Map<String, Object> body = Map.of("programme", programme, "villageCode", VILLAGE_A1,
                "applicant", Map.of("name", "申请人", "idNumber", applicantId, "phone", "13800000000"),
                "members", members, "reason", "生活困难");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(CASEWORKER1, PASSWORD).exchange("/api/applications", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void aTekunPersonIsEnrolledAloneWithTheStandardsOnlyAndReviewedYearly() throws Exception {
        String elder = ResidentIds.ofAge(78);
        ApplicationForm form = new ApplicationForm("TEKUN", null, VILLAGE_A1,
                new ApplicationForm.Applicant("五保老人", elder, null), List.of(), "无劳动能力、无生活来源", null);
        AssistanceCase c = driver.submit(CASEWORKER1, form);
        String n = c.caseNumber();
        driver.accept(n);
        driver.runDataVerification(n);
        Map<String, Object> visit = homeVisit(0, 0);
        visit.put("hasAbleSupporter", false);
        visit.put("canBathe", false);
        visit.put("canWalkIndoors", false);
        driver.homeVisit(CASEWORKER1, n, visit);
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.letNoticeRunOut(n);
        if (Boolean.TRUE.equals(engine.getRuntimeService().getVariable(driver.instance(n).getId(),
                "spotCheckSelected"))) {
            driver.complete(REVIEWER1, n, "Task_SpotCheck", Map.of("spotCheckResult", "confirmed"));
        }
        driver.decide(REVIEWER1, n, "approve", null);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.APPROVED);
        LocalDate since = approvedOn().withDayOfMonth(1).plusMonths(1);

        String number = enrolmentOf(c);
        JsonNode e = get(CASEWORKER1, "/api/enrolments/" + number);
        assertThat(e.path("programme").asText()).isEqualTo("TEKUN");
        assertThat(e.path("unit").asText()).isEqualTo("PERSON");
        assertThat(e.path("coveredPeople").asInt()).isEqualTo(1);
        // 780 basic + 300 care (partial loss): no 分类施保 for 特困
        assertThat(lines(e.path("amountHistory").get(0))).containsExactly("BASE@-=1080.00");
        assertThat(e.path("monthlyAmount").decimalValue()).isEqualByComparingTo("1080.00");
        assertThat(e.path("reviewClass").asText()).isEqualTo("STABLE");
        assertThat(e.path("nextReviewDue").asText()).isEqualTo(since.plusMonths(12).toString());
        assertThat(e.path("members").get(0).path("ableToWork").asBoolean()).isFalse();
        assertThat(coveredIds(number)).containsExactly(elder);
        assertThat(jdbc.queryForObject("select programme from enrolment_coverage where id_number = ?", String.class,
                elder)).isEqualTo("TEKUN");
    }

    @Test
    void aSinglePersonEnrolmentCoversOnlyTheSeverelyDisabledMemberWithHisAllowance() throws Exception {
        String father = ResidentIds.ofAge(50);
        String mother = ResidentIds.ofAge(48);
        String son = ResidentIds.ofAge(20);
        ApplicationForm form = new ApplicationForm("DIBAO", null, VILLAGE_A1,
                new ApplicationForm.Applicant("父亲", father, null),
                List.of(member("母亲", mother, "SPOUSE"),
                        new ApplicationForm.Member("重残儿子", son, "CHILD", 1, "PHYSICAL", false, null)),
                "儿子一级残疾", null);
        AssistanceCase c = driver.submit(CASEWORKER1, form);
        String n = c.caseNumber();
        // 2 100 for 3 people: 700 per capita, over 600 but under 1.5 × 600
        driver.investigate(n, homeVisit(2100, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        driver.letNoticeRunOut(n);
        driver.decide(REVIEWER1, n, "approve", null);
        LocalDate since = approvedOn().withDayOfMonth(1).plusMonths(1);

        String number = enrolmentOf(c);
        JsonNode e = get(REVIEWER1, "/api/enrolments/" + number);
        assertThat(e.path("unit").asText()).isEqualTo("SINGLE_PERSON");
        assertThat(e.path("householdSize").asInt()).isEqualTo(3);
        assertThat(e.path("coveredPeople").asInt()).isEqualTo(1);
        List<Boolean> covered = new ArrayList<>();
        e.path("members").forEach(m -> covered.add(m.path("covered").asBoolean()));
        assertThat(covered).containsExactly(false, false, true);
        // the standard for him alone, and 20 % of it for his grade 1 disability
        assertThat(lines(e.path("amountHistory").get(0))).containsExactly("BASE@-=600.00",
                "SEVERE_DISABILITY@2=120.00");
        assertThat(e.path("monthlyAmount").decimalValue()).isEqualByComparingTo("720.00");
        // his parents are of working age: every six months
        assertThat(e.path("reviewClass").asText()).isEqualTo("CHANGING");
        assertThat(e.path("nextReviewDue").asText()).isEqualTo(since.plusMonths(6).toString());
        assertThat(coveredIds(number)).containsExactly(son);
    }

    @Test
    void whereTheCountyProratesTheFirstMonthBenefitsStartTheDayAfterTheApproval() throws Exception {
        TestCounties.County k = counties.create(TestCounties.countyAValues()
                .withEnrolmentRules(new EnrolmentRules(12, 3, 6, BigDecimal.ONE, true, 20)));
        AssistanceCase c = driver.submit(k.caseworker(), CaseDriver.dibao(k.village(), 2));
        String n = c.caseNumber();
        driver.accept(k.caseworker(), n);
        driver.runDataVerification(n);
        driver.homeVisit(k.caseworker(), n, homeVisit(600, 0));
        driver.townshipReview(k.caseworker(), n, "approve", null);
        driver.letNoticeRunOut(n);
        driver.decide(k.reviewer(), n, "approve", null);
        LocalDate since = approvedOn().plusDays(1);

        String number = enrolmentOf(c);
        JsonNode e = get("admin", "/api/enrolments/" + number);
        assertThat(e.path("since").asText()).isEqualTo(since.toString());
        assertThat(e.path("sinceMonth").asText()).isEqualTo(YearMonth.from(since).toString());
        // 600 × 2 − 600; no 分类施保 in this county
        assertThat(lines(e.path("amountHistory").get(0))).containsExactly("BASE@-=600.00");
        assertThat(e.path("nextReviewDue").asText())
                .isEqualTo(YearMonth.from(since).plusMonths(3).atDay(1).toString());
    }
}
