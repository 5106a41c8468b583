package org.doudi.safeguards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doudi.test.Demo.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.RawHttp;
import org.doudi.test.ResidentIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The applicant's safeguards through the real API, the engine and {@code /engine-rest}: near relatives of
 * staff visited by the county, the 核对授权书 of every adult before verification, and the objection to an
 * ineligible verification result.
 */
@IntegrationTest
class SafeguardsProcessTest {

    static final String OPERATOR = "admin";

    @LocalServerPort
    int port;
    @Autowired
    CaseDriver driver;
    @Autowired
    CaseRepository cases;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate db;

    RawHttp http;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // --- helpers ---------------------------------------------------------------------------------

    RawHttp.Answer call(String user, String method, String path, Object body) {
        try {
            return http.send(method, path, RawHttp.basic(user, PASSWORD),
                    body == null ? null : json.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode body(RawHttp.Answer a) throws Exception {
        return json.readTree(a.body());
    }

    static Map<String, Object> person(String name, String id, String relation, Map<String, Object> staffRelation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("idNumber", id);
        if (relation != null) {
            m.put("relation", relation);
        }
        if (staffRelation != null) {
            m.put("staffRelation", staffRelation);
        }
        return m;
    }

    static Map<String, Object> staff(String relation, String name, String post) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("relation", relation);
        s.put("staffName", name);
        s.put("staffPost", post);
        return s;
    }

    RawHttp.Answer apply(Map<String, Object> applicant, List<Map<String, Object>> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programme", "DIBAO");
        body.put("villageCode", VILLAGE_A1);
        body.put("applicant", applicant);
        body.put("members", members);
        body.put("reason", "因病致贫");
        return call(CASEWORKER1, "POST", "/api/applications", body);
    }

    String submitted(Map<String, Object> applicant, List<Map<String, Object>> members) throws Exception {
        RawHttp.Answer a = apply(applicant, members);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return body(a).path("caseNumber").asText();
    }

    JsonNode caseView(String n) throws Exception {
        RawHttp.Answer a = call(REVIEWER1, "GET", "/api/cases/" + n, null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return body(a);
    }

    List<String> timelineSteps(String n) throws Exception {
        List<String> steps = new ArrayList<>();
        caseView(n).path("timeline").forEach(t -> steps.add(t.path("step").asText() + "/" + t.path("outcome").asText()));
        return steps;
    }

    /** The household member ids of the case, applicant first. */
    List<Long> memberIds(String n) {
        return db.queryForList("select m.id from household_member m join assistance_case c on c.household_id = "
                + "m.household_id where c.case_number = ? order by m.position", Long.class, n);
    }

    int authorisations(String n) {
        return db.queryForObject("select count(*) from verification_authorisation a join assistance_case c on "
                + "c.id = a.case_id where c.case_number = ?", Integer.class, n);
    }

    List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getGroupId).toList();
    }

    Map<String, Object> roster(String relativeId, String relation) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("staffName", "李会计");
        l.put("staffPost", "乡镇民政助理员");
        l.put("regionCode", TOWNSHIP_A1);
        l.put("relativeIdNumber", relativeId);
        l.put("relativeName", "张某");
        l.put("relation", relation);
        return l;
    }

    /** The timer of the objection period, or null. */
    Job objectionTimer(String n) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).list().stream()
                .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).timers()
                        .activityId("Timer_VerificationObjectionPeriod").list().stream())
                .findFirst().orElse(null);
    }

    /** An ineligible 低保 household (far above the standard), verified and visited: told, waiting. */
    String ineligibleAndTold() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.investigate(n, CaseDriver.homeVisit(100000, 0));
        return n;
    }

    // --- 近亲属备案 ------------------------------------------------------------------------------

    @Test
    void aDeclaredNearRelativeIsVisitedByTheCountyAndListedForIt() throws Exception {
        String n = submitted(person("张三", ResidentIds.ofAge(45), null, null),
                List.of(person("李四", ResidentIds.ofAge(44), "SPOUSE", staff("配偶", "王五", "村委会主任"))));

        JsonNode view = caseView(n);
        assertThat(view.path("details").path("nearRelative").asBoolean()).isTrue();
        assertThat(view.path("nearRelative").asBoolean()).as("also at the top of the case").isTrue();
        JsonNode mark = view.path("details").path("nearRelativeMarks").get(0);
        assertThat(mark.path("source").asText()).isEqualTo("DECLARED");
        assertThat(mark.path("relation").asText()).isEqualTo("SPOUSE");
        assertThat(mark.path("staffName").asText()).isEqualTo("王五");
        assertThat(mark.path("idNumber").asText()).contains("*");
        assertThat(timelineSteps(n)).contains("NEAR_RELATIVE/registered");

        driver.accept(n);
        driver.runDataVerification(n);
        Task visit = driver.task(n, "Task_HomeVisit");
        assertThat(candidateGroups(visit)).containsExactly("county-" + COUNTY_A);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(n).taskCandidateUser(CASEWORKER1).count())
                .as("the township caseworker is no candidate of the home visit").isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(n).taskCandidateUser(REVIEWER1).count())
                .isEqualTo(1);

        RawHttp.Answer list = call(REVIEWER1, "GET", "/api/cases/near-relatives?region=" + COUNTY_A, null);
        assertThat(list.status()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        body(list).forEach(c -> listed.add(c.path("caseNumber").asText()));
        assertThat(listed).contains(n);
        assertThat(call(REVIEWER1, "GET", "/api/cases/near-relatives?region=" + TOWNSHIP_A1, null).body()).contains(n);
        assertThat(call(REVIEWER9, "GET", "/api/cases/near-relatives?region=" + COUNTY_A, null).status())
                .isEqualTo(403);

        // The county's reviewer visits; the case goes on as any other.
        driver.homeVisit(REVIEWER1, n, CaseDriver.homeVisit(0, 0));
        assertThat(driver.task(n, "Task_TownshipReview")).isNotNull();
    }

    @Test
    void anIncompleteDeclarationIsRefusedWithTheFieldNamed() throws Exception {
        RawHttp.Answer a = apply(person("张三", ResidentIds.ofAge(45), null, staff("邻居", "王五", null)), List.of());
        assertThat(a.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        body(a).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).contains("applicant.staffRelation.relation", "applicant.staffRelation.staffPost");
    }

    @Test
    void theRosterFindsRelativesByResidentIdAtIntakeAndAgainAtAcceptance() throws Exception {
        String onRoster = ResidentIds.ofAge(40);
        String addedLater = ResidentIds.ofAge(41);
        RawHttp.Answer put = call(REVIEWER1, "PUT", "/api/counties/" + COUNTY_A + "/staff-relations",
                List.of(roster(onRoster, "兄弟姐妹")));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).doesNotContain(onRoster);

        String found = submitted(person("张某", onRoster, null, null), List.of());
        JsonNode mark = caseView(found).path("details").path("nearRelativeMarks").get(0);
        assertThat(mark.path("source").asText()).isEqualTo("ROSTER");
        assertThat(mark.path("relation").asText()).isEqualTo("SIBLING");

        String later = submitted(person("赵某", ResidentIds.ofAge(50), null, null),
                List.of(person("赵妻", addedLater, "SPOUSE", null)));
        assertThat(caseView(later).path("details").path("nearRelative").asBoolean()).isFalse();

        assertThat(call(REVIEWER1, "PUT", "/api/counties/" + COUNTY_A + "/staff-relations",
                List.of(roster(onRoster, "SIBLING"), roster(addedLater, "CHILD"))).status()).isEqualTo(200);
        driver.accept(later);
        assertThat(caseView(later).path("details").path("nearRelative").asBoolean()).isTrue();
        driver.runDataVerification(later);
        assertThat(candidateGroups(driver.task(later, "Task_HomeVisit"))).containsExactly("county-" + COUNTY_A);

        JsonNode listed = body(call(REVIEWER1, "GET", "/api/counties/" + COUNTY_A + "/staff-relations", null));
        assertThat(listed.path("entries").asInt()).isEqualTo(2);
        assertThat(listed.toString()).doesNotContain(onRoster).doesNotContain(addedLater);
    }

    @Test
    void theRosterBelongsToItsCounty() throws Exception {
        String path = "/api/counties/" + COUNTY_A + "/staff-relations";
        List<Map<String, Object>> one = List.of(roster(ResidentIds.ofAge(30), "SPOUSE"));
        assertThat(call(CASEWORKER1, "PUT", path, one).status()).isEqualTo(403);
        assertThat(call(CASEWORKER1, "GET", path, null).status()).isEqualTo(403);
        assertThat(call(REVIEWER9, "PUT", path, one).status()).isEqualTo(403);
        assertThat(call(REVIEWER9, "GET", path, null).status()).isEqualTo(403);
        assertThat(call(OPERATOR, "GET", path, null).status()).isEqualTo(200);
        assertThat(call(REVIEWER1, "GET", "/api/counties/999999/staff-relations", null).status()).isEqualTo(404);

        Map<String, Object> bad = roster(ResidentIds.withBadChecksum(ResidentIds.ofAge(30)), "SPOUSE");
        bad.put("regionCode", TOWNSHIP_B1);
        RawHttp.Answer refused = call(REVIEWER1, "PUT", path, List.of(bad));
        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        body(refused).path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).contains("[0].relativeIdNumber", "[0].regionCode");
    }

    // --- 核对授权书 ------------------------------------------------------------------------------

    @Test
    void withEveryAdultsAuthorisationVerificationRunsAndAMinorNeedsNone() throws Exception {
        String n = submitted(person("张三", ResidentIds.ofAge(45), null, null),
                List.of(person("李四", ResidentIds.ofAge(44), "SPOUSE", null),
                        person("张小", ResidentIds.ofAge(17), "CHILD", null)));
        List<Long> ids = memberIds(n);
        Task accept = driver.task(n, "Task_AcceptApplication");
        Object candidates = tasks.getVariableLocal(accept.getId(), AcceptanceSafeguards.VAR_AUTHORISATION_CANDIDATES);
        assertThat(candidates.toString()).contains("张三", "李四").doesNotContain("张小");
        assertThat(candidates.toString()).doesNotMatch("(?s).*\\d{17}[\\dX].*");

        // As Tasklist submits a checklist: a Json variable, through the guarded engine API.
        String values = json.writeValueAsString(List.of(ids.get(0).toString(), ids.get(1).toString()));
        Map<String, Object> variables = Map.of("accepted", Map.of("value", true),
                "authorisedMembers", Map.of("value", values, "type", "Json"),
                "authorisationReference", Map.of("value", "授权书扫描件 SQ-001"));
        RawHttp.Answer done = call(CASEWORKER1, "POST", "/engine-rest/task/" + accept.getId() + "/complete",
                Map.of("variables", variables));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        assertThat(driver.status(n)).isEqualTo(CaseStatus.INVESTIGATION);
        assertThat(authorisations(n)).isEqualTo(2);
        driver.runDataVerification(n);
        assertThat(driver.task(n, "Task_HomeVisit")).isNotNull();
        assertThat(caseView(n).path("details").path("authorisations").toString()).contains("SQ-001");
    }

    @Test
    void aMissingAdultAuthorisationKeepsTheCaseAtAcceptanceWithANoticeNamingHim() throws Exception {
        String n = submitted(person("张三", ResidentIds.ofAge(45), null, null),
                List.of(person("李四", ResidentIds.ofAge(44), "SPOUSE", null),
                        person("张小", ResidentIds.ofAge(17), "CHILD", null)));
        List<Long> ids = memberIds(n);
        driver.complete(CASEWORKER1, n, "Task_AcceptApplication", Map.of("accepted", true, "authorisedMembers",
                SpinValues.jsonValue("[\"" + ids.get(0) + "\"]").create()));

        assertThat(driver.status(n)).isEqualTo(CaseStatus.SUBMITTED);
        Task again = driver.task(n, "Task_AcceptApplication");
        assertThat(driver.jobsOf(n)).as("no data verification").isEmpty();
        JsonNode view = caseView(n);
        JsonNode last = view.path("decisions").get(view.path("decisions").size() - 1);
        assertThat(last.path("stage").asText()).isEqualTo("ACCEPTANCE");
        assertThat(last.path("outcome").asText()).isEqualTo("incomplete");
        assertThat(last.path("opinion").asText()).contains("一次性告知", "李四（配偶）").doesNotContain("张小", "张三（");
        assertThat(authorisations(n)).isEqualTo(1);
        assertThat(tasks.getVariableLocal(again.getId(), AcceptanceSafeguards.VAR_AUTHORISATION_CANDIDATES).toString())
                .contains("李四").doesNotContain("张三");
        assertThat(tasks.getVariable(again.getId(), "accepted")).as("last round's answer cleared").isNull();

        // An integrator's plain acceptance: the materials are complete, every adult's authorisation included.
        driver.accept(n);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.INVESTIGATION);
        assertThat(authorisations(n)).isEqualTo(2);
        driver.runDataVerification(n);
        assertThat(driver.task(n, "Task_HomeVisit")).isNotNull();
    }

    @Test
    void anExpenditureCaseWaitsForItsAuthorisationsAndAnEmergencyNeedsNone() {
        String n = driver.submit(CASEWORKER1, CaseDriver.temporary(VILLAGE_A1, "EXPENDITURE", "MEDICAL_EXPENSE",
                "3000.00")).caseNumber();
        List<Long> ids = memberIds(n);
        driver.complete(CASEWORKER1, n, "Task_AcceptApplication", Map.of("accepted", true, "authorisedMembers",
                SpinValues.jsonValue("[\"" + ids.get(0) + "\"]").create()));
        assertThat(driver.status(n)).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(driver.task(n, "Task_AcceptApplication")).isNotNull();
        driver.accept(n);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.INVESTIGATION);
        assertThat(authorisations(n)).isEqualTo(2);

        // 急难型: paid before any verification, nothing to wait for.
        String e = driver.submit(CASEWORKER1, CaseDriver.temporary(VILLAGE_A1, "EMERGENCY", "FIRE", null))
                .caseNumber();
        driver.complete(CASEWORKER1, e, "Task_AcceptApplication", Map.of("accepted", true, "authorisedMembers",
                SpinValues.jsonValue("[]").create()));
        assertThat(driver.status(e)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);
    }

    @Test
    void anAcceptanceWithoutTheListRecordsEveryAdult() throws Exception {
        String n = submitted(person("张三", ResidentIds.ofAge(45), null, null),
                List.of(person("李四", ResidentIds.ofAge(44), "SPOUSE", null),
                        person("张大", ResidentIds.ofAge(20), "CHILD", null),
                        person("张小", ResidentIds.ofAge(12), "CHILD", null)));
        driver.accept(n);
        assertThat(authorisations(n)).isEqualTo(3);
        assertThat(db.queryForList("select a.recorded_by from verification_authorisation a join assistance_case c "
                + "on c.id = a.case_id where c.case_number = ?", String.class, n)).containsOnly(CASEWORKER1);
        assertThat(timelineSteps(n)).contains("AUTHORISATION/recorded", "ACCEPTANCE/accepted");
    }

    @Test
    void aMemberOfAnotherCaseIsRefusedWithTheFieldNamed() throws Exception {
        String n = submitted(person("张三", ResidentIds.ofAge(45), null, null), List.of());
        Task accept = driver.task(n, "Task_AcceptApplication");
        RawHttp.Answer a = call(CASEWORKER1, "POST", "/engine-rest/task/" + accept.getId() + "/complete",
                Map.of("variables", Map.of("accepted", Map.of("value", true),
                        "authorisedMembers", Map.of("value", "[\"999999999\"]", "type", "Json"))));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("authorisedMembers");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(authorisations(n)).isZero();
    }

    @Test
    void dataVerificationRefusesToRunWithoutTheAuthorisations() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        String pi = cases.require(n).processInstanceId();
        // An operator moves the case past its acceptance: the verification itself refuses.
        driver.as(OPERATOR, () -> {
            runtime.createProcessInstanceModification(pi).cancelAllForActivity("Task_AcceptApplication")
                    .startBeforeActivity("Call_IncomeVerification").execute();
            return null;
        });
        Job job = driver.jobAt(n, "Task_DataVerification");
        assertThat(job).isNotNull();
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("核对授权书");
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getIncidentMessage()).contains("核对授权书", "申请人");
        assertThat(db.queryForObject("select count(*) from verification_finding f join assistance_case c on "
                + "c.id = f.case_id where c.case_number = ?", Integer.class, n)).isZero();
    }

    // --- 核对结果异议 ----------------------------------------------------------------------------

    @Test
    void anObjectionWithinThePeriodSendsTheCaseBackToVerificationAndANewHomeVisit() throws Exception {
        String n = ineligibleAndTold();
        assertThat(driver.openTasks(n)).as("no township review during the period").isEmpty();
        assertThat(timelineSteps(n)).contains("VERIFICATION_RESULT_NOTICE/told");
        Job timer = objectionTimer(n);
        assertThat(timer).isNotNull();
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(java.time.Instant.parse(caseView(n).path("details").path("verificationResultNotices").get(0)
                        .path("periodEndsAt").asText()));

        RawHttp.Answer objected = call(CASEWORKER1, "POST", "/api/cases/" + n + "/verification-objections",
                Map.of("text", "家庭成员已失业，收入减少", "evidence", "失业登记证明"));
        assertThat(objected.status()).as(objected.body()).isEqualTo(202);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.INVESTIGATION);
        assertThat(timelineSteps(n)).contains("VERIFICATION_OBJECTION/received", "VERIFICATION_OBJECTION/reverification");
        assertThat(cases.require(n).procedureExtendedReason()).as("a special circumstance: the longer whole-procedure limit")
                .isEqualTo("对核对结果有异议");
        assertThat(caseView(n).path("procedureExtendedReason").asText()).isEqualTo("对核对结果有异议");

        driver.runDataVerification(n);
        driver.homeVisit(CASEWORKER1, n, CaseDriver.homeVisit(0, 0));
        assertThat(driver.task(n, "Task_TownshipReview")).isNotNull();
        assertThat(call(CASEWORKER1, "POST", "/api/cases/" + n + "/verification-objections",
                Map.of("text", "再次异议")).status()).isEqualTo(409);
    }

    @Test
    void afterThePeriodTheObjectionIsRefusedAndTheTownshipReviewsTheResult() throws Exception {
        String n = ineligibleAndTold();
        Job timer = objectionTimer(n);
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        assertThat(call(CASEWORKER1, "POST", "/api/cases/" + n + "/verification-objections",
                Map.of("text", "逾期异议")).status()).isEqualTo(409);

        assertThat(driver.fireDueTimers(n)).isEqualTo(1);
        assertThat(driver.task(n, "Task_TownshipReview")).isNotNull();
        assertThat(timelineSteps(n)).contains("VERIFICATION_RESULT_NOTICE/period_ended");
        assertThat(call(CASEWORKER1, "POST", "/api/cases/" + n + "/verification-objections",
                Map.of("text", "逾期异议")).status()).isEqualTo(409);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);
    }

    @Test
    void anEligibleHouseholdGoesOnWithoutWaiting() throws Exception {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.investigate(n, CaseDriver.homeVisit(0, 0));
        assertThat(driver.task(n, "Task_TownshipReview")).isNotNull();
        assertThat(timelineSteps(n)).noneMatch(s -> s.startsWith("VERIFICATION_RESULT_NOTICE"));
        assertThat(call(CASEWORKER1, "POST", "/api/cases/" + n + "/verification-objections",
                Map.of("text", "异议")).status()).isEqualTo(409);
    }

    @Test
    void theObjectionCannotBeSentOrForgedThroughTheEngineApi() throws Exception {
        String n = ineligibleAndTold();
        Map<String, Object> message = new HashMap<>();
        message.put("messageName", "Msg_VerificationObjection");
        message.put("businessKey", n);
        assertThat(call(CASEWORKER1, "POST", "/engine-rest/message", message).status()).isEqualTo(403);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.TOWNSHIP_REVIEW);
        assertThat(objectionTimer(n)).isNotNull();
        // Nor by someone outside the case's region, over the API.
        assertThat(call(CASEWORKER9, "POST", "/api/cases/" + n + "/verification-objections",
                Map.of("text", "异议")).status()).isEqualTo(404);
        assertThat(call(CASEWORKER1, "POST", "/api/cases/" + n + "/verification-objections",
                Map.of("text", " ")).status()).isEqualTo(400);
    }
}
