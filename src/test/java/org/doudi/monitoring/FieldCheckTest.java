package org.doudi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.test.Demo.PASSWORD;
import static org.doudi.test.Demo.REVIEWER9;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.doudi.payments.RollFixture;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.RegionRepository;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestCounties;
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
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Field checks (摸排核查) started by the triage's CHECK: the task goes to the village and the township with a due date,
 * its form shows why (the ID masked), and each outcome acts — an application marked 主动发现, the enrolment's review,
 * the watch list, a closed warning — while impossible outcomes are refused on their field. A check that runs late is
 * escalated like every task, with no case behind it.
 */
@IntegrationTest
class FieldCheckTest {

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
    CaseDriver driver;
    @Autowired
    TaskService tasks;

    final ObjectMapper json = new ObjectMapper();
    RollFixture fixture;
    RollFixture.County c;

    @BeforeEach
    void county() {
        fixture = new RollFixture(jdbc, counties, regions, policies, identity, tx);
        c = fixture.county(AmountRule.EXACT);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    long warning(String idNumber, String name, String rule, String kind) {
        jdbc.update("insert into monitoring_warning (rule, kind, level, reason, status, id_number, name, village_code,"
                + " township_code, county_code, facts, open_rule, raised_at) values (?, ?, 'ORANGE', ?, 'NEW', ?, ?, ?, ?,"
                + " ?, 'f', ?, ?)", rule, kind, "测试：" + rule, idNumber, name, c.village(), c.township(), c.code(), rule,
                Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select max(id) from monitoring_warning where id_number = ?", Long.class, idNumber);
    }

    ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, h),
                String.class);
    }

    String check(long warningId) {
        ResponseEntity<String> r = post(c.caseworker(), "/api/warnings/triage", "{\"warningIds\":[" + warningId
                + "],\"action\":\"CHECK\",\"note\":\"请本周内入户\"}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return jdbc.queryForObject("select field_check from monitoring_warning where id = ?", String.class, warningId);
    }

    String warningStatus(long id) {
        return jdbc.queryForObject("select status from monitoring_warning where id = ?", String.class, id);
    }

    static Map<String, Object> answer(String outcome, String findings, String programme) {
        return programme == null ? Map.of("fieldOutcome", outcome, "fieldFindings", findings)
                : Map.of("fieldOutcome", outcome, "fieldFindings", findings, "programme", programme);
    }

    @Test
    void aCheckGoesToTheVillageAndTownshipAndApplyStartsAnApplicationMarkedAsFoundOnTheGround() throws Exception {
        String id = ResidentIds.ofAge(58);
        long w = warning(id, "核查甲", "LOW_INCOME_NOT_ENROLLED", "MISSED");
        String number = check(w);
        assertThat(number).matches("MP-\\d{4}-" + c.township() + "-\\d{6}");
        assertThat(warningStatus(w)).isEqualTo("CHECKING");

        Task task = driver.task(number, "Task_FieldCheck");
        assertThat(tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId))
                .contains("village-" + c.village(), "township-" + c.township());
        assertThat(task.getDueDate()).isAfter(new Date());
        String summary = (String) tasks.getVariableLocal(task.getId(), "checkSummary");
        assertThat(summary).contains(number).contains("核查甲").contains(id.substring(0, 6) + "********")
                .doesNotContain(id);
        assertThat((String) tasks.getVariableLocal(task.getId(), "flagReason")).contains("LOW_INCOME_NOT_ENROLLED")
                .contains("请本周内入户");
        // The supervision's read model lists it like a case's task, with no case behind it.
        assertThat(jdbc.queryForObject("select count(*) from open_task where task_id = ? and case_id is null and"
                + " case_number = ? and township_code = ?", Integer.class, task.getId(), number, c.township()))
                .isEqualTo(1);

        // Over /engine-rest: someone of another county cannot; an application without a programme is refused on its
        // field; with one it starts.
        String complete = "/engine-rest/task/" + task.getId() + "/complete";
        assertThat(post(REVIEWER9, complete, "{\"variables\":{\"fieldOutcome\":{\"value\":\"no-need\"},"
                + "\"fieldFindings\":{\"value\":\"x\"}}}").getStatusCode().is4xxClientError()).isTrue();
        ResponseEntity<String> noProgramme = post(c.caseworker(), complete, "{\"variables\":{\"fieldOutcome\":"
                + "{\"value\":\"apply\"},\"fieldFindings\":{\"value\":\"家中两位老人，无固定收入\"}}}");
        assertThat(noProgramme.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noProgramme.getBody()).contains("申请救助项目").doesNotContain("Cannot").doesNotContain(task.getId());
        ResponseEntity<String> done = post(c.caseworker(), complete, "{\"variables\":{\"fieldOutcome\":{\"value\":"
                + "\"apply\"},\"fieldFindings\":{\"value\":\"家中两位老人，无固定收入\"},\"programme\":{\"value\":\"DIBAO\"}}}");
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        Map<String, Object> row = jdbc.queryForMap("select status, outcome, result_ref, programme from field_check"
                + " where check_number = ?", number);
        assertThat(row.get("STATUS") == null ? row.get("status") : row.get("STATUS")).isEqualTo("DONE");
        String caseNumber = jdbc.queryForObject("select result_ref from field_check where check_number = ?",
                String.class, number);
        assertThat(caseNumber).startsWith("DB-");
        Map<String, Object> started = jdbc.queryForMap("select applicant_id_number, reason, village_code from"
                + " assistance_case where case_number = ?", caseNumber);
        assertThat(started.values()).contains(id, c.village());
        assertThat(started.values().stream().map(String::valueOf).anyMatch(v -> v.startsWith("主动发现（摸排核查 " + number)))
                .isTrue();
        assertThat(warningStatus(w)).isEqualTo("RESOLVED");
        assertThat(jdbc.queryForObject("select note from monitoring_warning where id = ?", String.class, w))
                .contains(caseNumber);
        assertThat(jdbc.queryForObject("select count(*) from open_task where task_id = ?", Integer.class,
                task.getId())).isZero();
    }

    @Test
    void reviewWatchAndNoNeedEachActAndAnImpossibleOutcomeIsRefused() {
        String enrolledId = ResidentIds.ofAge(62);
        RollFixture.Enrolled e = fixture.enrolCovered(c.village(), "核查乙", enrolledId);
        long wrong = warning(enrolledId, "核查乙", "ENROLLED_VEHICLE", "WRONG_ENROLMENT");
        String other = ResidentIds.ofAge(33);
        long watched = warning(other, "核查丙", "UNEMPLOYED_WITH_CHILD", "MISSED");
        long nothing = warning(ResidentIds.ofAge(34), "核查丁", "MULTIPLE_ROSTERS", "MISSED");

        String reviewCheck = check(wrong);
        driver.complete(c.caseworker(), reviewCheck, "Task_FieldCheck", answer("review", "家有一辆货车，登记在其名下",
                null));
        String review = jdbc.queryForObject("select result_ref from field_check where check_number = ?", String.class,
                reviewCheck);
        assertThat(review).startsWith("FH-");
        assertThat(jdbc.queryForObject("select status from enrolment where id = ?", String.class, e.id()))
                .isEqualTo("UNDER_REVIEW");
        assertThat(jdbc.queryForObject("select review_trigger from assistance_case where case_number = ?", String.class,
                review)).isEqualTo("MONITORING");
        assertThat(warningStatus(wrong)).isEqualTo("RESOLVED");

        String watchCheck = check(watched);
        assertThatThrownBy(() -> driver.complete(c.caseworker(), watchCheck, "Task_FieldCheck",
                answer("review", "不是保障对象", null))).hasMessageContaining("不是保障对象");
        driver.complete(c.caseworker(), watchCheck, "Task_FieldCheck", answer("watch", "孩子上学，收入略高于标准", null));
        assertThat(warningStatus(watched)).isEqualTo("WATCHING");
        assertThat(jdbc.queryForObject("select source_ref from watch_entry where active_person = ?", String.class,
                other)).isEqualTo(watchCheck);

        String noNeed = check(nothing);
        driver.complete(c.caseworker(), noNeed, "Task_FieldCheck", answer("no-need", "已外出务工，收入稳定", null));
        assertThat(warningStatus(nothing)).isEqualTo("RESOLVED");
        assertThat(jdbc.queryForObject("select note from monitoring_warning where id = ?", String.class, nothing))
                .contains("无需救助").contains("已外出务工");
        // A closed warning cannot be checked again.
        JsonNode again = read(post(c.caseworker(), "/api/warnings/triage", "{\"warningIds\":[" + nothing
                + "],\"action\":\"CHECK\"}"));
        assertThat(again.path("done").asInt()).isZero();
    }

    @Test
    void referSendsThePersonToThePovertyOfficeWithNoCaseBehindAndItsAnswerIsRecorded() {
        String id = ResidentIds.ofAge(47);
        long w = warning(id, "核查己", "MONITORED_NOT_ENROLLED", "MISSED");
        String number = check(w);
        driver.complete(c.caseworker(), number, "Task_FieldCheck", answer("refer", "有劳动能力，缺技术，适合产业帮扶",
                null));
        assertThat(warningStatus(w)).isEqualTo("RESOLVED");
        assertThat(jdbc.queryForObject("select outcome from field_check where check_number = ?", String.class, number))
                .isEqualTo("refer");
        assertThat(jdbc.queryForObject("select count(*) from assistance_case where applicant_id_number = ?",
                Integer.class, id)).isZero();

        // The poverty office of the person's county gets the task, due in working days, its form naming him masked.
        Task task = driver.task(number, "Task_PovertyOfficeHandling");
        String office = "poverty-office-" + c.code();
        assertThat(tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId))
                .containsExactly(office);
        assertThat(task.getDueDate()).isAfter(new Date());
        String summary = (String) tasks.getVariableLocal(task.getId(), "caseSummary");
        assertThat(summary).contains(number).contains("核查己").contains(id.substring(0, 6) + "********")
                .doesNotContain(id);
        assertThat((String) tasks.getVariableLocal(task.getId(), "referralReason")).contains("适合产业帮扶");
        assertThat(jdbc.queryForObject("select count(*) from open_task where task_id = ? and case_id is null and"
                + " township_code = ?", Integer.class, task.getId(), c.township())).isEqualTo(1);

        // Listed for the county with the person masked; answered by its poverty office, not by another county's.
        String officer = fixture.staff("po-" + c.code(), office);
        JsonNode listed = read(http.withBasicAuth(officer, PASSWORD).exchange("/api/referrals?region=" + c.code(),
                HttpMethod.GET, null, String.class));
        JsonNode mine = null;
        for (JsonNode r : listed) {
            if (number.equals(r.path("subjectNumber").asText())) {
                mine = r;
            }
        }
        assertThat(mine).as(listed.toString()).isNotNull();
        assertThat(mine.hasNonNull("caseNumber")).isFalse();
        assertThat(mine.path("trigger").asText()).isEqualTo("FIELD_CHECK");
        assertThat(mine.path("applicantName").asText()).isEqualTo("核查己");
        assertThat(mine.path("idNumberMasked").asText()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(mine.path("status").asText()).isEqualTo("OPEN");

        String complete = "/engine-rest/task/" + task.getId() + "/complete";
        String body = "{\"variables\":{\"referralOutcome\":{\"value\":\"assisted\"},\"measures\":{\"value\":"
                + "\"纳入产业帮扶，安排技能培训\"}}}";
        assertThat(post(REVIEWER9, complete, body).getStatusCode().is4xxClientError()).isTrue();
        ResponseEntity<String> done = post(officer, complete, body);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> referral = jdbc.queryForMap("select status, outcome, measures, case_id from referral where"
                + " subject_number = ?", number);
        assertThat(referral.values()).containsExactlyInAnyOrder("ANSWERED", "ASSISTED", "纳入产业帮扶，安排技能培训", null);
        assertThat(jdbc.queryForObject("select count(*) from open_task where task_id = ?", Integer.class,
                task.getId())).isZero();
    }

    @Test
    void aLateCheckIsEscalatedOnceLikeEveryTaskWithNoCaseBehindIt() {
        long w = warning(ResidentIds.ofAge(41), "核查戊", "HIGH_MEDICAL_COSTS", "MISSED");
        String number = check(w);
        Task task = driver.task(number, "Task_FieldCheck");
        ClockUtil.setCurrentTime(Date.from(task.getDueDate().toInstant().plusSeconds(3600)));
        assertThat(driver.fireDueTimers(number)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from escalation where task_id = ? and case_id is null and"
                + " subject_number = ? and level = 'LEVEL_1' and group_id = ?", Integer.class, task.getId(), number,
                "supervisor-township-" + c.township())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select message from notification where task_id = ?", String.class,
                task.getId())).contains("摸排核查 " + number).contains("已超过办理期限");
        assertThat(tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId))
                .contains("supervisor-township-" + c.township());
        assertThat(jdbc.queryForObject("select escalation_level from open_task where task_id = ?", Integer.class,
                task.getId())).isEqualTo(1);
        assertThat(driver.fireDueTimers(number)).isZero();
    }

    @Autowired
    WatchList watchList;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("startWatchRechecks")
    org.camunda.bpm.engine.delegate.JavaDelegate startWatchRechecks;

    @Test
    void theWatchListIsCheckedAgainWhenItsIntervalIsUp() throws Exception {
        String id = ResidentIds.ofAge(55);
        assertThat(watchList.add(id, "复查甲", c.village(), WatchList.Source.WARNING, "1", "失业且有未成年子女",
                "test")).isTrue();
        startWatchRechecks.execute(null);
        assertThat(jdbc.queryForObject("select count(*) from field_check where id_number = ?", Integer.class, id))
                .as("not due yet").isZero();
        jdbc.update("update watch_entry set next_check = ? where active_person = ?",
                java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(1)), id);
        startWatchRechecks.execute(null);
        String number = jdbc.queryForObject("select check_number from field_check where id_number = ? and origin ="
                + " 'WATCH'", String.class, id);
        assertThat((String) tasks.getVariableLocal(driver.task(number, "Task_FieldCheck").getId(), "flagReason"))
                .contains("定期复查").contains("失业且有未成年子女");
        assertThat(jdbc.queryForObject("select next_check from watch_entry where active_person = ?",
                java.time.LocalDate.class, id)).isAfter(java.time.LocalDate.now().plusMonths(2));
        // Due again while its check is open: no second check.
        jdbc.update("update watch_entry set next_check = ? where active_person = ?",
                java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(1)), id);
        startWatchRechecks.execute(null);
        assertThat(jdbc.queryForObject("select count(*) from field_check where id_number = ?", Integer.class, id))
                .isEqualTo(1);
    }

    JsonNode read(ResponseEntity<String> r) {
        try {
            return json.readTree(r.getBody());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
