package org.doudi.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.doudi.test.ResidentIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Real cases through the application (the seed), each left at one step, some of them overdue and
 * escalated by their own timer; then {@link Multiplier} copies them in SQL up to the chosen size.
 */
final class Seeder {

    private static final Logger log = LoggerFactory.getLogger(Seeder.class);

    static final String VILLAGE = "130102100201";
    static final String CASEWORKER = "caseworker1";
    static final String CLERK = "clerk1";

    /** Where a seed case is left: its open task. */
    enum Step {
        ACCEPTANCE("受理"), HOME_VISIT("入户调查"), TOWNSHIP_REVIEW("乡镇初审"), COUNTY_DECISION("县级审核确认"),
        OBJECTION("异议处理"), TEMPORARY_ACCEPTANCE("临时救助受理"), TEMPORARY_HOME_VISIT("临时救助入户调查");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** Ten seed cases in a row: four 低保 steps twice as often as the rest. */
    private static final Step[] MIX = {Step.ACCEPTANCE, Step.HOME_VISIT, Step.HOME_VISIT, Step.TOWNSHIP_REVIEW,
            Step.TOWNSHIP_REVIEW, Step.COUNTY_DECISION, Step.COUNTY_DECISION, Step.OBJECTION,
            Step.TEMPORARY_ACCEPTANCE, Step.TEMPORARY_HOME_VISIT};

    private final Http http;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;

    Seeder(Http http, ManagementService management, RuntimeService runtime, JdbcTemplate jdbc) {
        this.http = http;
        this.management = management;
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    record SeedCase(String caseNumber, Step step, boolean overdue) {
    }

    /**
     * Creates {@code count} cases through the API (four at a time), each left at one step; about 30 % of them
     * overdue and escalated at level 1 by their own timer.
     */
    List<SeedCase> seed(int count) throws InterruptedException, java.util.concurrent.ExecutionException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<String>> numbers = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Step step = MIX[i % MIX.length];
                numbers.add(pool.submit(() -> advance(step)));
            }
            List<SeedCase> seeded = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Step step = MIX[i % MIX.length];
                seeded.add(new SeedCase(numbers.get(i).get(), step, ((i / MIX.length) + i) % 10 < 3));
            }
            log.info("seed: {} cases at their steps", count);
            // The notices end one after the other: the engine clock is moved for each (see letNoticeRunOut).
            for (SeedCase c : seeded) {
                if (c.step() == Step.COUNTY_DECISION) {
                    letNoticeRunOut(c.caseNumber());
                    runMessageJobs(c.caseNumber());
                }
            }
            for (int i = 0; i < count; i++) {
                if (seeded.get(i).overdue()) {
                    escalate(seeded.get(i).caseNumber(), 1 + i % 5);
                }
            }
            return seeded;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Applies and completes tasks up to the step (the county decision: up to the public notice). */
    private String advance(Step step) {
        String n = step == Step.TEMPORARY_ACCEPTANCE || step == Step.TEMPORARY_HOME_VISIT ? applyTemporary() : applyDibao();
        if (step == Step.ACCEPTANCE || step == Step.TEMPORARY_ACCEPTANCE) {
            return n;
        }
        complete(CASEWORKER, n, "{\"accepted\": {\"value\": true}}");
        runMessageJobs(n);
        if (step == Step.HOME_VISIT || step == Step.TEMPORARY_HOME_VISIT) {
            return n;
        }
        complete(CASEWORKER, n, """
                {"wageIncome": {"value": 300}, "employmentCost": {"value": 100}, "businessIncome": {"value": 0},
                 "propertyIncome": {"value": 0}, "transferIncome": {"value": 0}, "rigidExpense": {"value": 0},
                 "assetsWithinLimit": {"value": true}, "visitNotes": {"value": "两名工作人员入户核实"}}""");
        runMessageJobs(n);
        if (step == Step.TOWNSHIP_REVIEW) {
            return n;
        }
        complete(CASEWORKER, n, "{\"townshipDecision\": {\"value\": \"approve\"}}");
        runMessageJobs(n);
        if (step == Step.OBJECTION) {
            Http.ok(http.post(CLERK, "/api/cases/" + n + "/objections", "{\"text\": \"村民反映家中有车\"}"), "objection " + n);
        }
        return n;
    }

    /** A new 低保 case waiting for its home visit (入户调查). */
    String homeVisitCase() {
        return advance(Step.HOME_VISIT);
    }

    private String applyDibao() {
        String body = """
                {"programme": "DIBAO", "villageCode": "%s",
                 "applicant": {"name": "%s", "idNumber": "%s", "phone": "13800000000"},
                 "members": [{"name": "%s", "idNumber": "%s", "relation": "SPOUSE"}],
                 "reason": "因病致贫"}""".formatted(VILLAGE, Names.next(), ResidentIds.ofAge(45), Names.next(),
                ResidentIds.ofAge(43));
        return Http.ok(http.post(CASEWORKER, "/api/applications", body), "application").get("caseNumber").asText();
    }

    private String applyTemporary() {
        String body = """
                {"programme": "TEMPORARY", "kind": "EXPENDITURE", "cause": "MEDICAL_EXPENSE", "villageCode": "%s",
                 "applicant": {"name": "%s", "idNumber": "%s", "phone": "13700000000"},
                 "members": [{"name": "%s", "idNumber": "%s", "relation": "SPOUSE"}],
                 "reason": "大病医疗支出", "requestedAmount": 2000}""".formatted(VILLAGE, Names.next(),
                ResidentIds.ofAge(50), Names.next(), ResidentIds.ofAge(48));
        return Http.ok(http.post(CASEWORKER, "/api/applications", body), "application").get("caseNumber").asText();
    }

    /** Completes the case's one open task through /engine-rest, as a user does. */
    void complete(String user, String caseNumber, String variables) {
        String id = openTask(user, caseNumber).get("id").asText();
        Http.ok(http.post(user, "/engine-rest/task/" + id + "/complete", "{\"variables\": " + variables + "}"),
                "complete " + caseNumber);
    }

    JsonNode openTask(String user, String caseNumber) {
        JsonNode tasks = Http.ok(http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber),
                "tasks of " + caseNumber);
        if (tasks.size() != 1) {
            throw new IllegalStateException(caseNumber + " has " + tasks.size() + " open tasks for " + user + ": " + tasks);
        }
        return tasks.get(0);
    }

    /** What the job executor would do at once: the case's asynchronous continuations (not its timers). */
    private void runMessageJobs(String caseNumber) {
        for (int round = 0; round < 5; round++) {
            List<Job> jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                    .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).messages()
                            .withRetriesLeft().list().stream())
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }

    /** The public notice ends: its timer fires at its end (the engine clock moved there for that job only). */
    private void letNoticeRunOut(String caseNumber) {
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("AssistanceApplication").singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(pi).timers().activityId("Timer_NoticeEnds")
                .singleResult();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        try {
            management.executeJob(timer.getId());
        } finally {
            ClockUtil.reset();
        }
    }

    /**
     * The task ran late: its due date moves {@code daysLate} days into the past (engine task and Doudi's open
     * task alike), then its level-1 escalation timer fires as the job executor would have at the due date.
     */
    private void escalate(String caseNumber, int daysLate) {
        String taskId = openTask("admin", caseNumber).get("id").asText();
        Date due = java.sql.Timestamp.valueOf(LocalDate.now().minusDays(daysLate).atTime(17, 0));
        jdbc.update("update ACT_RU_TASK set DUE_DATE_ = ? where ID_ = ?", due, taskId);
        jdbc.update("update open_task set due_at = ? where task_id = ?", due, taskId);
        Map<String, Object> job = jdbc.queryForMap("""
                select j.ID_ from ACT_RU_JOB j join ACT_RU_TASK t on t.EXECUTION_ID_ = j.EXECUTION_ID_
                where t.ID_ = ? and j.TYPE_ = 'timer' and j.HANDLER_CFG_ like '%Escalation_Level1%'""", taskId);
        management.executeJob((String) job.get("ID_"));
    }
}
