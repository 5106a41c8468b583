package org.doudi.periodicreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.awaitility.Awaitility.await;
import static org.doudi.test.Demo.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.TimeConfig;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseStatus;
import org.doudi.documents.PdfText;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * Reviews (复核) of real enrolments on the engine, each county of its own: a reported change starts one, which runs
 * the verification and home visit, the township's opinion and the decision, and ends in each outcome on the
 * enrolment; a gradual exit runs out and ends the enrolment by itself; a death stops it with what was paid since;
 * due reviews start by themselves from the one daily timer; a campaign starts its reviews in the background.
 */
@IntegrationTest
class PeriodicReviewTest {

    @Autowired
    CaseDriver driver;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestCounties counties;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A 低保 household of two with the given monthly wages, approved and enrolled: 600 × 2 − wages a month. */
    String enrolled(TestCounties.County k, double wages) {
        AssistanceCase c = driver.submit(k.caseworker(), CaseDriver.dibao(k.village(), 2));
        String n = c.caseNumber();
        driver.accept(k.caseworker(), n);
        driver.runDataVerification(n);
        driver.homeVisit(k.caseworker(), n, homeVisit(wages, 0));
        driver.townshipReview(k.caseworker(), n, "approve", null);
        driver.letNoticeRunOut(n);
        driver.decide(k.reviewer(), n, "approve", null);
        return enrolmentNumber(c);
    }

    /** The enrolment of an approved case, created by the enrolment module's listener once the approval committed. */
    String enrolmentNumber(AssistanceCase c) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList("select enrolment_number from enrolment"
                + " where case_id = ? and enrolment_number is not null", String.class, c.id()).isEmpty());
        return jdbc.queryForObject("select enrolment_number from enrolment where case_id = ?", String.class, c.id());
    }

    ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    /** Reports a change and returns the review's case number. */
    String reportChange(String user, String enrolmentNumber, String kind) throws Exception {
        ResponseEntity<String> r = post(user, "/api/enrolments/" + enrolmentNumber + "/changes",
                Map.of("kind", kind, "text", "村委会报告：家庭情况发生变化"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return json.readTree(r.getBody()).path("caseNumber").asText();
    }

    void opinion(String user, String review, String opinion) {
        driver.complete(user, review, "Task_ReviewOpinion", Map.of("reviewOpinion", opinion,
                "reviewReasons", "入户核实，意见：" + opinion));
    }

    void decide(String user, String review, String decision, Map<String, Object> more) {
        Map<String, Object> v = new HashMap<>(more);
        v.put("reviewDecision", decision);
        v.put("reviewReasons", "经复核决定：" + decision);
        driver.complete(user, review, "Task_ReviewDecision", v);
    }

    static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(TimeConfig.LEGAL_ZONE).toLocalDate();
    }

    static String baseLine(JsonNode amount) {
        for (JsonNode l : amount.path("lines")) {
            if ("BASE".equals(l.path("kind").asText())) {
                return l.path("amount").decimalValue().toPlainString();
            }
        }
        return null;
    }

    @Test
    void aReportedIncomeChangeStartsAReviewThatAdjustsTheAmountFromTheNextMonth() throws Exception {
        TestCounties.County k = counties.create(TestCounties.countyAValues());
        String number = enrolled(k, 600);
        // reviewed once the benefit is paid: in its first month
        setClock(YearMonth.from(today()).plusMonths(1).atDay(10));
        String review = reportChange(k.caseworker(), number, "INCOME_CHANGE");
        assertThat(review).matches("FH-\\d{4}-" + k.township() + "-\\d{6}");
        assertThat(get(k.reviewer(), "/api/enrolments/" + number).path("status").asText()).isEqualTo("UNDER_REVIEW");
        // a case like any other: found by its number
        assertThat(get(k.caseworker(), "/api/cases?q=" + review).path("total").asInt()).isEqualTo(1);
        // one review at a time
        ResponseEntity<String> again = post(k.caseworker(), "/api/enrolments/" + number + "/changes",
                Map.of("kind", "OTHER", "text", "再次报告"));
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.CONFLICT);
        // bad input: a clear 400, nothing started
        ResponseEntity<String> bad = post(k.caseworker(), "/api/enrolments/" + number + "/changes",
                Map.of("kind", "LOTTERY", "text", ""));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("变化类型", "变化情况");

        // the review is a case: verified and visited as an application is; wages up from 600 to 800
        driver.runDataVerification(review);
        Map<String, Object> visit = homeVisit(800, 0);
        driver.homeVisit(k.caseworker(), review, visit);
        String summary = (String) tasks.getVariableLocal(driver.task(review, "Task_ReviewOpinion").getId(),
                "reviewSummary");
        assertThat(summary).contains(number, "家庭收入变化", "现月保障金 600.00 元", "尚未复核");
        opinion(k.caseworker(), review, "adjust");
        assertThat(tasks.getVariableLocal(driver.task(review, "Task_ReviewDecision").getId(),
                "townshipReviewOpinion").toString()).contains("调整保障金");
        decide(k.reviewer(), review, "adjust", Map.of());

        YearMonth next = YearMonth.from(today()).plusMonths(1);
        JsonNode e = get(k.reviewer(), "/api/enrolments/" + number);
        assertThat(e.path("status").asText()).isEqualTo("ACTIVE");
        JsonNode history = e.path("amountHistory");
        JsonNode latest = history.get(history.size() - 1);
        assertThat(latest.path("fromMonth").asText()).isEqualTo(next.toString());
        assertThat(latest.path("reason").asText()).isEqualTo("ADJUSTMENT");
        assertThat(baseLine(latest)).isEqualTo("400.00");
        assertThat(e.path("lastReviewedOn").asText()).isEqualTo(today().toString());
        assertThat(e.path("reviews")).hasSize(1);
        assertThat(e.path("reviews").get(0).path("caseNumber").asText()).isEqualTo(review);
        assertThat(e.path("reviews").get(0).path("trigger").asText()).isEqualTo("CHANGE");
        assertThat(e.path("reviews").get(0).path("outcome").asText()).isEqualTo("adjust");
        assertThat(driver.status(review)).isEqualTo(CaseStatus.REVIEWED);
        JsonNode timeline = get(k.reviewer(), "/api/cases/" + review).path("timeline");
        assertThat(timeline.toString()).contains("REVIEW_NOTICE", "起月保障金调整为");
    }

    @Test
    void anIncomeAboveTheLineCannotContinueButPhasesOutAndTheExitEndsTheEnrolmentByItself() throws Exception {
        TestCounties.County k = counties.create(TestCounties.countyAValues());
        String number = enrolled(k, 600);
        String review = reportChange(k.caseworker(), number, "INCOME_CHANGE");
        driver.runDataVerification(review);
        driver.homeVisit(k.caseworker(), review, homeVisit(2000, 0));
        // ineligible: told, and the objection period runs out before the township's opinion
        driver.letVerificationObjectionPeriodRunOut(review);
        opinion(k.caseworker(), review, "phase-out");

        assertThatThrownBy(() -> decide(k.reviewer(), review, "continue", Map.of()))
                .hasMessageContaining("不符合保障条件");
        assertThat(get(k.reviewer(), "/api/enrolments/" + number).path("status").asText()).isEqualTo("UNDER_REVIEW");
        decide(k.reviewer(), review, "phase-out", Map.of());

        // county A: six months at the full amount from the next month
        YearMonth until = YearMonth.from(today()).plusMonths(6);
        JsonNode e = get(k.reviewer(), "/api/enrolments/" + number);
        assertThat(e.path("status").asText()).isEqualTo("PHASING_OUT");
        assertThat(e.path("phaseOutUntil").asText()).isEqualTo(until.toString());

        // the day after the period's last month the daily schedule ends it
        setClock(until.plusMonths(1).atDay(1));
        runScheduler();
        e = get(k.reviewer(), "/api/enrolments/" + number);
        assertThat(e.path("status").asText()).isEqualTo("ENDED");
        assertThat(e.path("stop").path("reason").asText()).isEqualTo("PHASE_OUT_ENDED");
        assertThat(e.path("stop").path("lastPaidMonth").asText()).isEqualTo(until.toString());
        assertThat(get(k.reviewer(), "/api/cases/" + review).path("timeline").toString())
                .contains("PHASE_OUT_ENDED", "渐退期至 " + until + " 期满");
    }

    @Test
    void aDeathReportStopsTheEnrolmentAndComputesWhatTheRollsPaidSinceTheDeath() throws Exception {
        TestCounties.County k = counties.create(TestCounties.countyAValues());
        String number = enrolled(k, 600);
        YearMonth first = YearMonth.from(today()).plusMonths(1);
        for (YearMonth m : List.of(first, first.plusMonths(1))) {
            // a roll is drafted up to the next month: in the month before it is paid
            setClock(m.minusMonths(1).atDay(20));
            String roll = "/api/payment-rolls/" + k.code() + "/" + m;
            ResponseEntity<String> draft = http.withBasicAuth(k.reviewer(), PASSWORD).postForEntity(roll, null,
                    String.class);
            assertThat(draft.getStatusCode().is2xxSuccessful()).as(draft.getBody()).isTrue();
            ResponseEntity<String> confirmed = http.withBasicAuth(k.reviewer(), PASSWORD).postForEntity(
                    roll + "/confirmation", null, String.class);
            assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(HttpStatus.OK);
        }
        setClock(first.plusMonths(1).atDay(25));
        String review = reportChange(k.caseworker(), number, "DEATH");
        driver.runDataVerification(review);
        driver.homeVisit(k.caseworker(), review, homeVisit(600, 0));
        opinion(k.caseworker(), review, "stop");
        // died in the first month paid: the second month's 600.00 was paid after the death
        decide(k.reviewer(), review, "stop", Map.of("changeMonth", first.toString()));

        JsonNode e = get(k.reviewer(), "/api/enrolments/" + number);
        assertThat(e.path("status").asText()).isEqualTo("ENDED");
        assertThat(e.path("stop").path("reason").asText()).isEqualTo("DEATH");
        assertThat(e.path("stop").path("changeMonth").asText()).isEqualTo(first.toString());
        assertThat(e.path("stop").path("overpaid").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(get(k.reviewer(), "/api/cases/" + review).path("timeline").toString())
                .contains("应退回多领取的保障金 600.00 元");

        // the written notice, as a PDF opened and read
        ResponseEntity<byte[]> pdf = http.withBasicAuth(k.reviewer(), PASSWORD).getForEntity("/api/cases/" + review
                + "/documents/review-decision", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text = PdfText.compact(pdf.getBody());
        assertThat(text).contains("复核决定通知书", review, number, "停止保障", "死亡", "应退回金额", "600.00", "行政复议")
                .doesNotContainPattern("\\d{17}[\\dX]");
        // none before the decision, for an application
        ResponseEntity<String> none = http.withBasicAuth(k.reviewer(), PASSWORD).getForEntity("/api/cases/"
                + e.path("caseNumber").asText() + "/documents/review-decision", String.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void dueReviewsStartByThemselvesFromOneDailyTimer() throws Exception {
        TestCounties.County k = counties.create(TestCounties.countyAValues());
        String number = enrolled(k, 600);
        LocalDate due = LocalDate.parse(get(k.reviewer(), "/api/enrolments/" + number).path("nextReviewDue").asText());
        // a 特困 elder is a stable household: reviewed yearly, not at the six months of the 低保 household
        String elder = enrolledTekunElder(k);
        LocalDate elderDue = LocalDate.parse(get(k.reviewer(), "/api/enrolments/" + elder).path("nextReviewDue")
                .asText());
        assertThat(get(k.reviewer(), "/api/enrolments/" + elder).path("reviewClass").asText()).isEqualTo("STABLE");
        assertThat(elderDue).isEqualTo(LocalDate.parse(get(k.reviewer(), "/api/enrolments/" + elder).path("since")
                .asText()).plusMonths(12)).isAfter(due);
        assertThat(due).isEqualTo(LocalDate.parse(get(k.reviewer(), "/api/enrolments/" + number).path("since")
                .asText()).plusMonths(6));

        assertThat(management.createJobQuery().processDefinitionKey(PeriodicReviewProcess.SCHEDULER_KEY).timers()
                .count()).as("one timer for all enrolments").isEqualTo(1);

        setClock(due.minusDays(1));
        runScheduler();
        assertThat(get(k.reviewer(), "/api/enrolments/" + number).path("status").asText()).isEqualTo("ACTIVE");

        setClock(due);
        runScheduler();
        assertThat(get(k.reviewer(), "/api/enrolments/" + elder).path("status").asText()).isEqualTo("ACTIVE");
        JsonNode e = get(k.reviewer(), "/api/enrolments/" + number);
        assertThat(e.path("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(e.path("reviews").get(0).path("trigger").asText()).isEqualTo("SCHEDULED");
        String review = e.path("reviews").get(0).path("caseNumber").asText();
        assertThat(runtime.getVariable(driver.instance(review, PeriodicReviewProcess.KEY).getId(), "trigger"))
                .isEqualTo("SCHEDULED");
        assertThat(driver.jobsOf(review)).as("the review waits at its data verification").isNotEmpty();
        assertThat(management.createJobQuery().processDefinitionKey(PeriodicReviewProcess.SCHEDULER_KEY).timers()
                .count()).isEqualTo(1);

        setClock(elderDue);
        runScheduler();
        JsonNode stable = get(k.reviewer(), "/api/enrolments/" + elder);
        assertThat(stable.path("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(stable.path("reviews").get(0).path("trigger").asText()).isEqualTo("SCHEDULED");
    }

    /** A 特困 elder of 78 with no ability to work and no supporter, approved and enrolled alone. */
    String enrolledTekunElder(TestCounties.County k) {
        ApplicationForm form = new ApplicationForm("TEKUN", null, k.village(),
                new ApplicationForm.Applicant("五保老人", ResidentIds.ofAge(78), null), List.of(), "无劳动能力、无生活来源",
                null);
        AssistanceCase c = driver.submit(k.caseworker(), form);
        String n = c.caseNumber();
        driver.accept(k.caseworker(), n);
        driver.runDataVerification(n);
        Map<String, Object> visit = homeVisit(0, 0);
        visit.put("hasAbleSupporter", false);
        visit.put("canBathe", false);
        visit.put("canWalkIndoors", false);
        driver.homeVisit(k.caseworker(), n, visit);
        driver.townshipReview(k.caseworker(), n, "approve", null);
        driver.letNoticeRunOut(n);
        if (Boolean.TRUE.equals(runtime.getVariable(driver.instance(n).getId(), "spotCheckSelected"))) {
            driver.complete(k.reviewer(), n, "Task_SpotCheck", Map.of("spotCheckResult", "confirmed"));
        }
        driver.decide(k.reviewer(), n, "approve", null);
        return enrolmentNumber(c);
    }

    @Test
    void aCampaignStartsItsReviewsInTheBackgroundAndShowsTheirProgress() throws Exception {
        TestCounties.County k = counties.create(TestCounties.countyAValues());
        List<String> numbers = List.of(enrolled(k, 600), enrolled(k, 500), enrolled(k, 400));

        ResponseEntity<String> refused = post(k.caseworker(), "/api/review-campaigns",
                Map.of("region", k.code(), "note", "回头看"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> bad = post(k.reviewer(), "/api/review-campaigns", Map.of("region", "x"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<String> badType = post(k.reviewer(), "/api/review-campaigns",
                Map.of("region", k.code(), "householdType", "BIG", "note", "回头看"));
        assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badType.getBody()).contains("家庭类型");
        // households of working age are not the stable ones (reviewed yearly)
        ResponseEntity<String> stable = post(k.reviewer(), "/api/review-campaigns",
                Map.of("region", k.code(), "householdType", "STABLE", "note", "稳定家庭回头看"));
        assertThat(stable.getStatusCode()).as(stable.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(stable.getBody()).path("selected").asInt()).isZero();

        ResponseEntity<String> created = post(k.reviewer(), "/api/review-campaigns",
                Map.of("region", k.code(), "programme", "DIBAO", "householdType", "CHANGING", "note", "2026 年回头看"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode c = json.readTree(created.getBody());
        assertThat(c.path("selected").asInt()).isEqualTo(3);
        long id = c.path("campaignId").asLong();
        JsonNode before = get(k.reviewer(), "/api/review-campaigns/" + id);
        assertThat(before.path("started").asInt()).isZero();

        // the job executor's work, chunk by chunk
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("HK-" + id).singleResult()
                .getId();
        for (int i = 0; i < 10; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(instance).list();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
        JsonNode progress = get(k.reviewer(), "/api/review-campaigns/" + id);
        assertThat(progress.path("started").asInt()).isEqualTo(3);
        assertThat(progress.path("allStarted").asBoolean()).isTrue();
        assertThat(progress.path("done").asInt()).isZero();
        for (String n : numbers) {
            assertThat(get(k.reviewer(), "/api/enrolments/" + n).path("status").asText()).isEqualTo("UNDER_REVIEW");
        }

        String review = get(k.reviewer(), "/api/enrolments/" + numbers.get(0)).path("reviews").get(0)
                .path("caseNumber").asText();
        driver.runDataVerification(review);
        driver.homeVisit(k.caseworker(), review, homeVisit(600, 0));
        opinion(k.caseworker(), review, "continue");
        decide(k.reviewer(), review, "continue", Map.of());
        progress = get(k.reviewer(), "/api/review-campaigns/" + id);
        assertThat(progress.path("done").asInt()).isEqualTo(1);
        assertThat(progress.path("outcomes").path("continue").asInt()).isEqualTo(1);
        assertThat(get(k.reviewer(), "/api/enrolments/" + numbers.get(0)).path("status").asText()).isEqualTo("ACTIVE");

        // the region's campaigns, as the supervision page lists them
        JsonNode ofCounty = get(k.reviewer(), "/api/review-campaigns?region=" + k.code());
        assertThat(ofCounty).hasSize(2);
        assertThat(ofCounty.get(0).path("campaignId").asLong()).as("newest first").isEqualTo(id);
        assertThat(ofCounty.get(0).path("done").asInt()).isEqualTo(1);
        assertThat(get(k.reviewer(), "/api/review-campaigns?region=" + k.township())).hasSize(2);
        assertThat(http.withBasicAuth(k.reviewer(), PASSWORD).getForEntity("/api/review-campaigns", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** The engine's clock at 02:00 China Standard Time of a day. */
    static void setClock(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(2, 0).atZone(TimeConfig.LEGAL_ZONE).toInstant()));
    }

    /** What the job executor does when the daily timer falls due: the timer, then the chunk jobs it leaves. */
    void runScheduler() {
        Job timer = management.createJobQuery().processDefinitionKey(PeriodicReviewProcess.SCHEDULER_KEY).timers()
                .singleResult();
        management.executeJob(timer.getId());
        for (int i = 0; i < 1000; i++) {
            List<Job> jobs = management.createJobQuery().processDefinitionKey(PeriodicReviewProcess.SCHEDULER_KEY)
                    .messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }
}
