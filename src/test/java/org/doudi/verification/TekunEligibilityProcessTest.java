package org.doudi.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.doudi.TimeConfig;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.CaseRepository;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 特困 through the real API: ability to work is never the applicant's word, the home visit's finding
 * needs its reason, the disability list is the 认定办法's, and the income tested is the applicant's own.
 */
@IntegrationTest
class TekunEligibilityProcessTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver driver;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CaseRepository cases;
    @Autowired
    IncomeAssessmentRepository assessments;
    @Autowired
    Clock clock;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.doudi.test.TestCounties counties;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    private final ObjectMapper json = new ObjectMapper();

    ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    JsonNode read(ResponseEntity<String> r) throws Exception {
        return json.readTree(r.getBody());
    }

    /**
     * A 特困 application over {@code POST /api/applications}: the applicant listed among the members (as
     * himself) with what he declares.
     */
    String applyForTekun(String applicantId, Map<String, Object> declared, List<Map<String, Object>> others)
            throws Exception {
        Map<String, Object> self = new LinkedHashMap<>();
        self.put("name", "申请人");
        self.put("idNumber", applicantId);
        self.put("relation", "SELF");
        self.putAll(declared);
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(self);
        members.addAll(others);
        ResponseEntity<String> created = post(CASEWORKER1, "/api/applications", Map.of("programme", "TEKUN",
                "villageCode", VILLAGE_A1, "applicant", Map.of("name", "申请人", "idNumber", applicantId),
                "members", members, "reason", "无劳动能力、无生活来源"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return read(created).path("caseNumber").asText();
    }

    /** Accepted and verified: the home visit is open. */
    void upToTheHomeVisit(String n) {
        driver.accept(n);
        driver.runDataVerification(n);
    }

    /** The home visit's figures as a Tasklist completion sends them, with no able supporter found. */
    static Map<String, Object> visit(double ownWage, Map<String, Object> extra) {
        Map<String, Object> v = homeVisit(ownWage, 0);
        v.put("hasAbleSupporter", false);
        v.putAll(extra);
        return v;
    }

    /** Completes the home visit over {@code /engine-rest}, as Tasklist does. */
    ResponseEntity<String> completeHomeVisit(String n, Map<String, Object> values) {
        String taskId = driver.task(n, "Task_HomeVisit").getId();
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return post(CASEWORKER1, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }

    String eligibility(String n) throws Exception {
        JsonNode c = read(http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity("/api/cases/" + n, String.class));
        return c.path("details").path("income").path("eligibility").asText();
    }

    @Test
    void aFortyYearOldWhoDeclaresHimselfUnableToWorkIsNotEligibleOnHisWordAlone() throws Exception {
        String n = applyForTekun(ResidentIds.ofAge(40), Map.of("ableToWork", false), List.of());
        upToTheHomeVisit(n);
        Object note = driver.task(n, "Task_HomeVisit").getId();
        assertThat(runtimeTaskVariable((String) note, "workAbilityNote")).contains("40 周岁", "推定为有劳动能力",
                "申请时自述：无劳动能力", "不作为认定依据");

        ResponseEntity<String> done = completeHomeVisit(n, visit(0, Map.of()));

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eligibility(n)).isEqualTo("INELIGIBLE_ABLE_TO_WORK");
        JsonNode member = read(http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity("/api/cases/" + n,
                String.class)).path("members").get(0);
        assertThat(member.path("ableToWork").asBoolean()).as("presumed").isTrue();
        assertThat(member.path("declaredAbleToWork").asBoolean()).as("declared, kept").isFalse();
    }

    @Test
    void theHomeVisitFindsHimUnableToWorkOnlyWithAReason() throws Exception {
        String n = applyForTekun(ResidentIds.ofAge(40), Map.of("ableToWork", false), List.of());
        upToTheHomeVisit(n);

        ResponseEntity<String> withoutReason = completeHomeVisit(n, visit(0, Map.of("applicantAbleToWork", "no")));
        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutReason.getBody()).contains("ableToWorkReason").contains("劳动能力认定理由");
        assertThat(driver.task(n, "Task_HomeVisit")).as("the task stays open").isNotNull();

        ResponseEntity<String> withReason = completeHomeVisit(n, visit(0, Map.of("applicantAbleToWork", "no",
                "ableToWorkReason", "县级评估：尘肺病三期，诊断证明附后")));
        assertThat(withReason.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eligibility(n)).isEqualTo("ELIGIBLE");
        JsonNode visited = read(http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity("/api/cases/" + n,
                String.class)).path("details").path("homeVisit");
        assertThat(visited.path("applicantAbleToWork").asText()).isEqualTo("no");
        assertThat(visited.path("ableToWorkReason").asText()).contains("尘肺病");
    }

    @Test
    void noFindingCanMakeASixtyFiveYearOldAbleToWork() throws Exception {
        String n = applyForTekun(ResidentIds.ofAge(65), Map.of(), List.of());
        upToTheHomeVisit(n);
        ResponseEntity<String> refused = completeHomeVisit(n, visit(0, Map.of("applicantAbleToWork", "yes",
                "ableToWorkReason", "身体健康")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("applicantAbleToWork").contains("年满 60 周岁");

        assertThat(completeHomeVisit(n, visit(0, Map.of())).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eligibility(n)).isEqualTo("ELIGIBLE");
    }

    /** The disability list of the 认定办法 through the whole path, where 单人户's list used to decide. */
    @ParameterizedTest(name = "{0} grade {1}, age {2}, in school {3} → {4}")
    @CsvSource({
            "HEARING,      1, 40, false, INELIGIBLE_ABLE_TO_WORK",
            "SPEECH,       2, 40, false, INELIGIBLE_ABLE_TO_WORK",
            "VISUAL,       2, 40, false, INELIGIBLE_ABLE_TO_WORK",
            "VISUAL,       1, 40, false, ELIGIBLE",
            "INTELLECTUAL, 3, 40, false, ELIGIBLE",
            "PHYSICAL,     2, 40, false, ELIGIBLE",
            "PHYSICAL,     3, 40, false, INELIGIBLE_ABLE_TO_WORK",
            ",              , 17, true,  ELIGIBLE",
            ",              , 17, false, INELIGIBLE_ABLE_TO_WORK",
    })
    void disabilityAgeAndSchoolDecideAsTheRulesList(String category, Integer grade, int age, boolean inSchool,
            String expected) throws Exception {
        Map<String, Object> declared = new HashMap<>();
        if (category != null) {
            declared.put("disabilityCategory", category);
            declared.put("disabilityGrade", grade);
        }
        declared.put("inSchool", inSchool);
        declared.put("ableToWork", false); // whatever he says
        String n = applyForTekun(ResidentIds.ofAge(age), declared, List.of());
        upToTheHomeVisit(n);
        assertThat(completeHomeVisit(n, visit(0, Map.of())).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eligibility(n)).isEqualTo(expected);
    }

    @Test
    void aSonOfFortyIsAnAbleSupporterWhateverTheApplicationSays() {
        ApplicationForm form = new ApplicationForm("TEKUN", null, VILLAGE_A1,
                new ApplicationForm.Applicant("老人", ResidentIds.ofAge(72), null),
                List.of(new ApplicationForm.Member("儿子", ResidentIds.ofAge(40), "CHILD", null, null, null, false)),
                "生活困难", null);
        String n = driver.submit(CASEWORKER1, form).caseNumber();
        driver.investigate(n, homeVisit(0, 0)); // supporter left to the household: presumed from age
        driver.letVerificationObjectionPeriodRunOut(n); // ineligible: told, and nobody objects
        assertThat(runtime.getVariable(driver.instance(n).getId(), "eligibility")).isEqualTo("INELIGIBLE_SUPPORTER");
    }

    /**
     * 特困 is individual: the home visit records the applicant's own income, compared as it is with the
     * 低保标准 (600 in county A), however many people live with him.
     */
    @ParameterizedTest(name = "own income {0} → {1}")
    @CsvSource({"0, ELIGIBLE", "599.99, ELIGIBLE", "600, INELIGIBLE_INCOME", "1500, INELIGIBLE_INCOME"})
    void theApplicantsOwnIncomeIsTestedUndivided(double ownIncome, String expected) throws Exception {
        // An old man living with his old wife and a grandson: neither owes him support he could give.
        String n = applyForTekun(ResidentIds.ofAge(70), Map.of(), List.of(
                Map.of("name", "老伴", "idNumber", ResidentIds.ofAge(68), "relation", "SPOUSE"),
                Map.of("name", "孙子", "idNumber", ResidentIds.ofAge(10), "relation", "GRANDCHILD")));
        upToTheHomeVisit(n);
        assertThat(completeHomeVisit(n, visit(ownIncome, Map.of())).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eligibility(n)).isEqualTo(expected);

        IncomeAssessment a = assessments.findFirstByCaseIdOrderByIdDesc(cases.findByCaseNumber(n).orElseThrow().id())
                .orElseThrow();
        assertThat(a.ownIncome()).isTrue();
        assertThat(a.perCapitaIncome()).as("his own income, not a share of three").isEqualByComparingTo(
                String.valueOf(ownIncome));
        assertThat(a.standard()).isEqualByComparingTo("600.00");
        assertThat(Investigations.summary(a)).contains("申请人本人", "本人月收入").doesNotContain("人均收入");
    }

    /** A decision takes the standard of its month: lowered below his own income, the approval is refused. */
    @Test
    void aStandardLoweredBelowTheApplicantsOwnIncomeBeforeTheDecisionRefusesTheApproval() {
        org.doudi.test.TestCounties.County k = counties.create(org.doudi.test.TestCounties.countyAValues());
        Map<String, String> headers = org.doudi.test.RawHttp.basic("admin", PASSWORD);
        headers.put("Content-Type", "application/json");
        assertThat(new org.doudi.test.RawHttp(port).send("POST", "/api/counties/" + k.code() + "/policies", headers,
                "{\"effectiveFrom\":\"2026-06\",\"dibaoStandard\":500.00}").status()).isEqualTo(201);
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.OffsetDateTime.parse("2026-05-22T10:00:00+08:00").toInstant()));
        String n = driver.submit(k.caseworker(), new ApplicationForm("TEKUN", null, k.village(),
                new ApplicationForm.Applicant("五保老人", ResidentIds.ofAge(75), null), List.of(), "无生活来源", null))
                .caseNumber();
        driver.accept(k.caseworker(), n);
        driver.runDataVerification(n);
        driver.homeVisit(k.caseworker(), n, visit(550, Map.of())); // his own 550, under May's 600
        assertThat(runtime.getVariable(driver.instance(n).getId(), "eligibility")).isEqualTo("ELIGIBLE");
        driver.townshipReview(k.caseworker(), n, "approve", null);
        driver.letNoticeRunOut(n);
        if (!driver.openTasks(n).stream().filter(t -> t.getTaskDefinitionKey().equals("Task_SpotCheck")).toList()
                .isEmpty()) {
            driver.complete(k.reviewer(), n, "Task_SpotCheck", Map.of("spotCheckResult", "confirmed"));
        }
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.OffsetDateTime.parse("2026-06-01T09:00:00+08:00").toInstant()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.decide(k.reviewer(), n, "approve", null))
                .hasMessageContaining("500.00").hasMessageContaining("本人月收入");
    }

    @Test
    void aDibaoHouseholdStillSharesItsIncome() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 3)).caseNumber();
        driver.investigate(n, homeVisit(1500, 0));
        IncomeAssessment a = assessments.findFirstByCaseIdOrderByIdDesc(cases.findByCaseNumber(n).orElseThrow().id())
                .orElseThrow();
        assertThat(a.ownIncome()).isFalse();
        assertThat(a.perCapitaIncome()).isEqualByComparingTo("500.00");
    }

    /** Impossible birth dates are refused where IDs are entered, with the field named in Chinese. */
    @ParameterizedTest(name = "born {0} years and {1} days from today → {2}")
    @CsvSource({
            "0,    1,  出生日期晚于今天",       // tomorrow
            "-121, 0,  出生日期早于 120 年前",  // 121 years ago
            "-120, -1, 出生日期早于 120 年前",  // 120 years ago minus a day
    })
    void impossibleBirthDatesAreRefusedOverTheApiAndFromRegistries(int years, int days, String message)
            throws Exception {
        LocalDate today = TimeConfig.today(clock);
        String impossible = ResidentIds.of("130102", today.plusYears(years).plusDays(days), 17);
        int daysFromToday = years * 1000 + days;
        ResponseEntity<String> r = post(CASEWORKER1, "/api/applications", Map.of("programme", "DIBAO",
                "villageCode", VILLAGE_A1, "applicant", Map.of("name", "张三", "idNumber", ResidentIds.ofAge(40)),
                "members", List.of(Map.of("name", "李四", "idNumber", impossible, "relation", "CHILD")),
                "reason", "因病致贫"));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = read(r).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("members[0].idNumber");
        assertThat(error.path("message").asText()).contains("第 1 位家庭成员的公民身份号码", message);
        assertThat(r.getBody()).doesNotContain(impossible);

        ResponseEntity<String> imported = http.withBasicAuth(REVIEWER1, PASSWORD).postForEntity("/api/registry-records",
                Map.of("batch", "dates-" + daysFromToday, "records", List.of(Map.of("idNumber", impossible,
                        "category", "VEHICLE", "description", "车"))), String.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(imported).path("errors").get(0).path("message").asText()).contains(message);
    }

    @Test
    void theOldestPossibleBirthDateIsTaken() throws Exception {
        LocalDate today = TimeConfig.today(clock);
        String oldest = ResidentIds.of("130102", today.minusYears(120), 19);
        ResponseEntity<String> r = post(CASEWORKER1, "/api/applications", Map.of("programme", "TEKUN",
                "villageCode", VILLAGE_A1, "applicant", Map.of("name", "百岁老人", "idNumber", oldest),
                "members", List.of(), "reason", "无劳动能力"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theStartFormRefusesAnImpossibleBirthDateAndRecordsAStudent() throws Exception {
        String path = "/engine-rest/process-definition/key/AssistanceApplication/submit-form";
        String tomorrow = ResidentIds.of("130102", TimeConfig.today(clock).plusDays(1), 23);
        ResponseEntity<String> refused = post(CLERK1, path, startForm("DIBAO", ResidentIds.ofAge(45),
                "[{\"name\":\"新生儿\",\"idNumber\":\"" + tomorrow + "\",\"relation\":\"CHILD\"}]"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("members[0].idNumber").contains("出生日期晚于今天")
                .doesNotContain(tomorrow);

        String applicant = ResidentIds.ofAge(17);
        ResponseEntity<String> started = post(CLERK1, path, startForm("TEKUN", applicant,
                "[{\"name\":\"申请人\",\"idNumber\":\"" + applicant
                        + "\",\"relation\":\"SELF\",\"inSchool\":true}]"));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        String n = read(started).path("caseNumber").asText();
        JsonNode self = read(http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity("/api/cases/" + n, String.class))
                .path("members").get(0);
        assertThat(self.path("inSchool").asBoolean()).isTrue();
        assertThat(self.path("ableToWork").asBoolean()).as("a 17-year-old student").isFalse();
    }

    /** What Tasklist submits from the intake start form: the applicant and members as JSON variables. */
    private static String startForm(String programme, String applicantId, String membersJson) {
        return "{\"variables\":{\"programme\":{\"value\":\"" + programme + "\"},\"villageCode\":{\"value\":\""
                + VILLAGE_A1 + "\"},\"applicant\":{\"value\":\"{\\\"name\\\":\\\"王五\\\",\\\"idNumber\\\":\\\""
                + applicantId + "\\\"}\",\"type\":\"Json\"},\"members\":{\"value\":"
                + json(membersJson) + ",\"type\":\"Json\"},\"reason\":{\"value\":\"生活困难\"}}}";
    }

    private static String json(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String runtimeTaskVariable(String taskId, String name) {
        Object value = taskService.getVariable(taskId, name);
        return value == null ? null : value.toString();
    }
}
