package org.doudi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.RawHttp;
import org.doudi.test.RawHttp.Answer;
import org.doudi.test.ResidentIds;
import org.doudi.test.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks of the side-door review, replayed over HTTP as the demo users: each is refused with a
 * 4xx and changes nothing (case status, instances, tasks, grants, jobs, deployments compared before and
 * after); what Tasklist needs keeps working.
 */
@IntegrationTest
class SideDoorTest {

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
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcTemplate db;

    RawHttp http;

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
    }

    Answer as(String user, String method, String path, String body) {
        return http.send(method, path, RawHttp.basic(user, PASSWORD), body);
    }

    /** Everything an attack could have changed about a case. */
    record Snapshot(CaseStatus status, long instances, List<String> openTasks, int grants, int enrolments) {
    }

    Snapshot snapshot(String caseNumber) {
        var c = cases.findByCaseNumber(caseNumber).orElseThrow();
        return new Snapshot(c.status(), runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count(),
                tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
                        .map(t -> t.getTaskDefinitionKey() + "/" + t.getAssignee()).sorted().toList(),
                db.queryForObject("select count(*) from assistance_grant where case_id = ?", Integer.class, c.id()),
                db.queryForObject("select count(*) from case_benefit where case_id = ?", Integer.class, c.id()));
    }

    String countyBTemporaryCase() {
        return driver.submit(CASEWORKER9, CaseDriver.temporary(VILLAGE_B1, "EXPENDITURE", "MEDICAL_EXPENSE", "5000"))
                .caseNumber();
    }

    String dibaoCase() {
        return driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
    }

    @Test
    void staffCannotStartAProcessBeforeAnActivity() {
        String victim = countyBTemporaryCase();
        Snapshot before = snapshot(victim);
        Answer a = as(CASEWORKER1, "POST", "/engine-rest/process-definition/key/TemporaryAssistance/start",
                "{\"businessKey\":\"" + victim + "\",\"variables\":{\"approvedAmount\":{\"value\":999999.99}},"
                        + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_GrantFromCounty\"}]}");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.refusedByGuard()).isTrue();
        String dibao = dibaoCase();
        Snapshot dibaoBefore = snapshot(dibao);
        for (String path : List.of("/engine-rest/process-definition/key/AssistanceApplication/start",
                "/engine-rest/engine/default/process-definition/key/AssistanceApplication/start")) {
            assertThat(as(CASEWORKER9, "POST", path, "{\"businessKey\":\"" + dibao + "\",\"startInstructions\":"
                    + "[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Enrol\"}]}").status()).isEqualTo(403);
        }
        assertThat(snapshot(victim)).isEqualTo(before);
        assertThat(snapshot(dibao)).isEqualTo(dibaoBefore);
    }

    @Test
    void staffCannotModifyRestartOrSignalInstances() {
        String n = dibaoCase();
        String pi = cases.findByCaseNumber(n).orElseThrow().processInstanceId();
        Snapshot before = snapshot(n);
        List<String[]> attacks = List.of(
                new String[] {"POST", "/engine-rest/process-instance/" + pi + "/modification",
                        "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Enrol\"}]}"},
                new String[] {"POST", "/engine-rest/process-definition/key/AssistanceApplication/restart", "{}"},
                new String[] {"POST", "/engine-rest/message", "{\"messageName\":\"Msg_NoticeObjection\",\"businessKey\":\"" + n + "\"}"},
                new String[] {"POST", "/engine-rest/signal", "{\"name\":\"anything\"}"},
                new String[] {"POST", "/engine-rest/condition", "{\"variables\":{}}"},
                new String[] {"PUT", "/engine-rest/process-instance/" + pi + "/variables/caseSummary", "{\"value\":\"已核实\"}"},
                new String[] {"DELETE", "/engine-rest/process-instance/" + pi, null},
                new String[] {"POST", "/engine-rest/process-instance/" + pi + "/suspended", "{\"suspended\":true}"},
                new String[] {"POST", "/engine-rest/external-task/fetchAndLock", "{\"workerId\":\"w\",\"maxTasks\":1,\"topics\":[]}"},
                new String[] {"POST", "/engine-rest/history/process-instance/delete", "{\"processInstanceIds\":[\"" + pi + "\"]}"});
        for (String user : List.of(CLERK1, CASEWORKER1, REVIEWER1, POVERTY1, SUPERVISOR1)) {
            for (String[] attack : attacks) {
                Answer a = as(user, attack[0], attack[1], attack[2]);
                assertThat(a.status()).as("%s %s as %s", attack[0], attack[1], user).isEqualTo(403);
            }
        }
        assertThat(snapshot(n)).isEqualTo(before);
    }

    @Test
    void jobsWithoutAnInstanceAreOutOfStaffsReach() {
        List<Job> cleanup = history.findHistoryCleanupJobs();
        assertThat(cleanup).as("the nightly history cleanup job").isNotEmpty();
        Job job = cleanup.get(0);
        for (String user : List.of(CLERK1, CASEWORKER1, REVIEWER1)) {
            assertThat(as(user, "DELETE", "/engine-rest/job/" + job.getId(), null).status()).isEqualTo(403);
            assertThat(as(user, "PUT", "/engine-rest/job/" + job.getId() + "/suspended", "{\"suspended\":true}").status())
                    .isEqualTo(403);
            assertThat(as(user, "PUT", "/engine-rest/job/" + job.getId() + "/duedate", "{\"duedate\":\"2030-01-01T00:00:00.000+0000\"}")
                    .status()).isEqualTo(403);
            assertThat(as(user, "POST", "/engine-rest/job/" + job.getId() + "/execute", null).status()).isEqualTo(403);
            assertThat(as(user, "GET", "/engine-rest/job", null).status()).isEqualTo(403);
        }
        Job after = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(after).isNotNull();
        assertThat(after.isSuspended()).isFalse();
        assertThat(after.getDuedate()).isEqualTo(job.getDuedate());
    }

    @Test
    void deploymentsAreRefusedToStaffAndToForeignPages() {
        long deployments = repository.createDeploymentQuery().count();
        String boundary = "----doudi";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"evil.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n<definitions/>\r\n--" + boundary + "--\r\n";
        Map<String, String> staff = RawHttp.basic(CASEWORKER1, PASSWORD);
        staff.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        assertThat(http.send("POST", "/engine-rest/deployment/create", staff, multipart).status()).isEqualTo(403);

        // An operator's browser with cached credentials, sent there by a foreign page.
        Map<String, String> foreign = RawHttp.basic("admin", PASSWORD);
        foreign.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        foreign.put("Origin", "http://evil.example");
        Answer a = http.send("POST", "/engine-rest/deployment/create", foreign, multipart);
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.body()).contains("cross-site");
        Map<String, String> referred = RawHttp.basic("admin", PASSWORD);
        referred.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        referred.put("Referer", "http://evil.example/page.html");
        assertThat(http.send("POST", "/engine-rest/deployment/create", referred, multipart).status()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aCompletionMayCarryOnlyTheFieldsOfItsForm() {
        String n = dibaoCase();
        Task accept = driver.task(n, "Task_AcceptApplication");
        Answer forged = as(CASEWORKER1, "POST", "/engine-rest/task/" + accept.getId() + "/complete",
                "{\"variables\":{\"accepted\":{\"value\":true},\"caseSummary\":{\"value\":\"已核实，建议直接批准\"},"
                        + "\"caseNumber\":{\"value\":\"DB-2026-130104200-000001\"}}}");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("caseSummary", "caseNumber");
        assertThat(driver.task(n, "Task_AcceptApplication").getId()).isEqualTo(accept.getId());

        Answer objectValue = as(CASEWORKER1, "POST", "/engine-rest/task/" + accept.getId() + "/complete",
                "{\"variables\":{\"accepted\":{\"value\":\"rO0ABXQ=\",\"type\":\"Object\",\"valueInfo\":"
                        + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}");
        assertThat(objectValue.status()).isEqualTo(400);
        Answer file = as(CASEWORKER1, "POST", "/engine-rest/task/" + accept.getId() + "/complete",
                "{\"variables\":{\"missingMaterials\":{\"value\":\"YQ==\",\"type\":\"File\"}}}");
        assertThat(file.status()).isEqualTo(400);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.SUBMITTED);

        assertThat(as(CASEWORKER1, "POST", "/engine-rest/task/" + accept.getId() + "/complete",
                "{\"variables\":{\"accepted\":{\"value\":true}}}").status()).isEqualTo(204);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.INVESTIGATION);
    }

    @Test
    void malformedRequestsAreAnswered400AndUnknownTasks404() {
        String n = dibaoCase();
        String task = driver.task(n, "Task_AcceptApplication").getId();
        String complete = "/engine-rest/task/" + task + "/complete";
        String deep = "{\"variables\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        String longNumber = "{\"variables\":{\"accepted\":{\"value\":" + "9".repeat(5000) + "}}}";
        for (String body : List.of("null", deep, longNumber, "{\"variables\":{}, \"variables\":{}}", "{\"variables\":",
                "[]")) {
            Answer a = as(CASEWORKER1, "POST", complete, body);
            assertThat(a.status()).as(body.length() > 60 ? body.substring(0, 60) : body).isEqualTo(400);
            assertThat(a.headers().get("content-type")).contains("json");
            assertThat(a.body()).doesNotContain("at org.");
        }
        assertThat(as("admin", "POST", complete, "null").status()).as("operators too").isEqualTo(400);
        for (String user : List.of(CASEWORKER1, "admin")) {
            Answer unknown = as(user, "POST", "/engine-rest/task/does-not-exist/complete", "{\"variables\":{}}");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body()).contains("任务不存在");
        }
        String none = "00000000-0000-0000-0000-000000000000";
        for (String[] unknown : List.of(new String[] {"POST", "/engine-rest/process-instance/" + none + "/modification"},
                new String[] {"PUT", "/engine-rest/process-instance/" + none + "/variables/x"},
                new String[] {"PUT", "/engine-rest/job/" + none + "/duedate"})) {
            Answer a = as("admin", unknown[0], unknown[1], "{\"instructions\":[],\"value\":1,\"duedate\":null}");
            assertThat(a.status()).as(unknown[1]).isEqualTo(404);
        }
        assertThat(driver.task(n, "Task_AcceptApplication").getId()).isEqualTo(task);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.SUBMITTED);
    }

    @Test
    void claimingIsForOneselfAndTheAssigneeMayUnclaimAndSetAFollowUpDate() {
        String n = dibaoCase();
        String task = driver.task(n, "Task_AcceptApplication").getId();
        String base = "/engine-rest/task/" + task;
        assertThat(as(CASEWORKER1, "POST", base + "/claim", "{\"userId\":\"caseworker2\"}").status()).isEqualTo(403);
        assertThat(as(CASEWORKER1, "POST", base + "/claim", "{\"userId\":\"caseworker1\"}").status()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(CASEWORKER1);

        String update = as(CASEWORKER1, "GET", base, null).body();
        String followUp = update.replaceFirst("\"followUp\":null", "\"followUp\":\"2026-12-20T09:00:00.000+0800\"");
        assertThat(as(CASEWORKER1, "PUT", base, followUp).status()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getFollowUpDate()).isNotNull();
        String due = update.replaceFirst("\"due\":\"[^\"]+\"", "\"due\":\"2030-01-01T00:00:00.000+0000\"");
        assertThat(as(CASEWORKER1, "PUT", base, due).status()).as("the due date is the law's").isEqualTo(403);
        String reassigned = update.replaceFirst("\"assignee\":\"caseworker1\"", "\"assignee\":\"caseworker2\"");
        assertThat(as(CASEWORKER1, "PUT", base, reassigned).status()).isEqualTo(403);
        assertThat(as(CASEWORKER2, "POST", base + "/unclaim", null).status()).as("not his task").isIn(403, 404);

        assertThat(as(CASEWORKER1, "POST", base + "/unclaim", null).status()).isEqualTo(204);
        Task after = tasks.createTaskQuery().taskId(task).singleResult();
        assertThat(after.getAssignee()).isNull();
        assertThat(after.getDueDate()).isEqualTo(driver.task(n, "Task_AcceptApplication").getDueDate());
        assertThat(history.createUserOperationLogQuery().taskId(task).userId(CASEWORKER1).count())
                .as("the engine's operation log names the user").isGreaterThan(0);
    }

    @Test
    void aStartFormRegistersTheCaseThroughTheIntakeWithoutPersonalDataInVariables() {
        String applicantId = ResidentIds.ofAge(50);
        String memberId = ResidentIds.ofAge(48);
        String body = "{\"variables\":{"
                + "\"programme\":{\"value\":\"DIBAO\"},\"villageCode\":{\"value\":\"" + VILLAGE_A1 + "\"},"
                + "\"applicant\":{\"value\":\"{\\\"name\\\":\\\"王五\\\",\\\"idNumber\\\":\\\"" + applicantId
                + "\\\",\\\"phone\\\":\\\"13912345678\\\"}\",\"type\":\"Json\"},"
                + "\"members\":{\"value\":\"[{\\\"name\\\":\\\"赵六\\\",\\\"idNumber\\\":\\\"" + memberId
                + "\\\",\\\"relation\\\":\\\"SPOUSE\\\"}]\",\"type\":\"Json\"},"
                + "\"reason\":{\"value\":\"因病致贫\"}}}";
        Answer started = as(CLERK1, "POST", "/engine-rest/process-definition/key/AssistanceApplication/submit-form", body);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).contains("\"caseNumber\":\"DB-");
        String n = started.body().replaceFirst("(?s).*\"caseNumber\":\"([^\"]+)\".*", "$1");
        var c = cases.findWithHouseholdByCaseNumber(n).orElseThrow();
        assertThat(c.submittedBy()).isEqualTo(CLERK1);
        assertThat(c.household().size()).isEqualTo(2);
        assertThat(driver.task(n, "Task_AcceptApplication")).isNotNull();

        String pi = c.processInstanceId();
        List<String> values = new java.util.ArrayList<>();
        for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_RU_VARIABLE")) {
            String instance = table.equals("ACT_RU_VARIABLE") ? "PROC_INST_ID_" : "PROC_INST_ID_";
            values.addAll(db.queryForList("select concat(coalesce(TEXT_, ''), coalesce(TEXT2_, '')) from " + table
                    + " where " + instance + " = ?", String.class, pi));
            db.queryForList("select b.BYTES_ from " + table + " v join ACT_GE_BYTEARRAY b on b.ID_ = v.BYTEARRAY_ID_"
                    + " where v.PROC_INST_ID_ = ?", byte[].class, pi)
                    .forEach(bytes -> values.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        }
        assertThat(values).as("variables of the instance").isNotEmpty();
        assertThat(String.join("|", values)).doesNotContain(applicantId, memberId, "13912345678");
    }

    @Test
    void aStartFormIsCheckedAsTheApiChecksAnApplication() {
        String path = "/engine-rest/process-definition/key/AssistanceApplication/submit-form";
        String bad = ResidentIds.withBadChecksum(ResidentIds.ofAge(50));
        Answer wrongId = as(CLERK1, "POST", path, "{\"variables\":{\"programme\":{\"value\":\"DIBAO\"},"
                + "\"villageCode\":{\"value\":\"" + VILLAGE_A1 + "\"},\"applicant\":{\"value\":\"{\\\"name\\\":\\\"王五\\\","
                + "\\\"idNumber\\\":\\\"" + bad + "\\\"}\",\"type\":\"Json\"},\"reason\":{\"value\":\"因病\"}}}");
        assertThat(wrongId.status()).isEqualTo(400);
        assertThat(wrongId.body()).contains("idNumber").doesNotContain(bad);
        Answer extra = as(CLERK1, "POST", path, "{\"variables\":{\"caseNumber\":{\"value\":\"DB-2026-130102100-000001\"}}}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.body()).contains("caseNumber");
        Answer key = as(CLERK1, "POST", path, "{\"businessKey\":\"DB-2026-130102100-000001\",\"variables\":{}}");
        assertThat(key.status()).isEqualTo(400);
        Answer outside = as(CASEWORKER9, "POST", path, "{\"variables\":{\"programme\":{\"value\":\"DIBAO\"},"
                + "\"villageCode\":{\"value\":\"" + VILLAGE_A1 + "\"},\"applicant\":{\"value\":\"{\\\"name\\\":\\\"王五\\\","
                + "\\\"idNumber\\\":\\\"" + ResidentIds.ofAge(50) + "\\\"}\",\"type\":\"Json\"},\"reason\":{\"value\":\"因病\"}}}");
        assertThat(outside.status()).as("a county-B caseworker for a county-A village").isEqualTo(403);
        assertThat(as(CLERK1, "POST", "/engine-rest/process-definition/key/IncomeVerification/submit-form", "{}").status())
                .isEqualTo(403);
    }

    @Test
    void crossSiteRequestsAreRefused() {
        String n = dibaoCase();
        String task = driver.task(n, "Task_AcceptApplication").getId();
        Map<String, String> foreign = RawHttp.basic(CASEWORKER1, PASSWORD);
        foreign.put("Origin", "http://evil.example");
        assertThat(http.send("POST", "/engine-rest/task/" + task + "/claim", foreign, "{\"userId\":\"caseworker1\"}")
                .status()).isEqualTo(403);
        Map<String, String> fetchSite = RawHttp.basic(CASEWORKER1, PASSWORD);
        fetchSite.put("Sec-Fetch-Site", "cross-site");
        assertThat(http.send("POST", "/engine-rest/task/" + task + "/claim", fetchSite, "{\"userId\":\"caseworker1\"}")
                .status()).isEqualTo(403);
        Map<String, String> api = RawHttp.basic(CASEWORKER1, PASSWORD);
        api.put("Origin", "http://evil.example");
        assertThat(http.send("POST", "/api/applications", api, "{}").status()).isEqualTo(403);
        Map<String, String> same = RawHttp.basic(CASEWORKER1, PASSWORD);
        same.put("Origin", http.base());
        assertThat(http.send("POST", "/engine-rest/task/" + task + "/claim", same, "{\"userId\":\"caseworker1\"}")
                .status()).isEqualTo(204);

        // A browser session without its CSRF token, on the Basic API.
        WebappSession session = WebappSession.login(http, CASEWORKER1, PASSWORD);
        Map<String, String> cookieOnly = RawHttp.basic(CASEWORKER1, PASSWORD);
        cookieOnly.put("Cookie", session.headers().get("Cookie"));
        assertThat(http.send("POST", "/engine-rest/task/" + task + "/unclaim", cookieOnly, (String) null).status())
                .isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(CASEWORKER1);
    }

    @Test
    void everyChangeAndEveryRefusalIsInTheAuditTrail() {
        String n = dibaoCase();
        String task = driver.task(n, "Task_AcceptApplication").getId();
        assertThat(as(CASEWORKER2, "POST", "/engine-rest/message", "{\"messageName\":\"Msg_NoticeObjection\"}").status())
                .isEqualTo(403);
        assertThat(as(CASEWORKER2, "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"caseSummary\":{\"value\":\"x\"}}}").status()).isEqualTo(400);
        assertThat(as(CASEWORKER2, "GET", "/engine-rest/task/" + task, null).status()).as("not his township's").isEqualTo(404);
        Answer trail = as("admin", "GET", "/api/audit?actor=" + CASEWORKER2 + "&size=200", null);
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body()).contains("engine.POST /message", "engine.POST /task/{id}/complete", "REFUSED",
                "fields: caseSummary");
        Answer ownCounty = as(SUPERVISOR1, "GET", "/api/audit?caseNumber=" + n, null);
        assertThat(ownCounty.status()).isEqualTo(200);
        assertThat(ownCounty.body()).contains("engine.POST /task/{id}/complete");
        Answer verify = as("admin", "GET", "/api/audit/verify", null);
        assertThat(verify.body()).contains("\"valid\":true");
    }

    @Test
    void theWebappsCookiesStayOnThisSite() {
        Answer first = http.send("GET", "/camunda/api/admin/auth/user/default", Map.of(), (String) null);
        String cookies = first.headers().getOrDefault("set-cookie", "");
        assertThat(cookies).contains("XSRF-TOKEN");
        for (String cookie : cookies.split(",(?=\\s*[A-Za-z-]+=)")) {
            if (cookie.contains("JSESSIONID") || cookie.contains("XSRF-TOKEN")) {
                assertThat(cookie).as(cookie).containsIgnoringCase("SameSite=Lax");
            }
        }
    }

    @Test
    void tasklistsOwnCallsWorkThroughTheWebappsAndAreCheckedThere() {
        String n = dibaoCase();
        String task = driver.task(n, "Task_AcceptApplication").getId();
        WebappSession session = WebappSession.login(http, CASEWORKER1, PASSWORD);
        String base = "/camunda/api/engine/engine/default/task/" + task;
        assertThat(http.send("GET", base + "/form-variables", session.headers(), (String) null).status()).isEqualTo(200);
        assertThat(http.send("POST", base + "/claim", session.headers(), "{\"userId\":\"caseworker1\"}").status())
                .isEqualTo(204);
        Answer forged = http.send("POST", base + "/submit-form", session.headers(),
                "{\"variables\":{\"accepted\":{\"value\":true},\"caseSummary\":{\"value\":\"x\"}}}");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(http.send("POST", base + "/unclaim", session.headers(), (String) null).status()).isEqualTo(204);
        assertThat(http.send("POST", base + "/submit-form", session.headers(),
                "{\"variables\":{\"accepted\":{\"value\":true}}}").status()).isEqualTo(204);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.INVESTIGATION);
    }
}
