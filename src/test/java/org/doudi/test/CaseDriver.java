package org.doudi.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseIntake;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;

/**
 * Drives cases through the engine as the demo users would: every wait state has a default action,
 * and a test changes only what it is about.
 */

public class CaseDriver {

    private final CaseIntake intake;
    private final CaseRepository cases;
    private final IdentityService identity;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;

    CaseDriver(CaseIntake intake, CaseRepository cases, IdentityService identity, TaskService tasks,
            RuntimeService runtime, ManagementService management, HistoryService history) {
        this.history = history;
        this.intake = intake;
        this.cases = cases;
        this.identity = identity;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
    }

    // --- applications ---------------------------------------------------------------------------

    public static ApplicationForm.Member member(String name, String idNumber, String relation) {
        return new ApplicationForm.Member(name, idNumber, relation, null, null, null, null);
    }

    public static ApplicationForm dibao(String village, int householdSize) {
        List<ApplicationForm.Member> members = new java.util.ArrayList<>();
        for (int i = 1; i < householdSize; i++) {
            members.add(member("成员" + i, ResidentIds.ofAge(i == 1 ? 44 : 12), i == 1 ? "SPOUSE" : "CHILD"));
        }
        return new ApplicationForm("DIBAO", null, village,
                new ApplicationForm.Applicant("申请人", ResidentIds.ofAge(45), "13800000000"), members, "因病致贫",
                null);
    }

    /** A temporary-assistance application of a household of two. */
    public static ApplicationForm temporary(String village, String kind, String cause, String requested) {
        return new ApplicationForm("TEMPORARY", kind, village,
                new ApplicationForm.Applicant("受灾户主", ResidentIds.ofAge(46), "13700000000"),
                List.of(member("配偶", ResidentIds.ofAge(44), "SPOUSE")), "家中失火，生活无着",
                requested == null ? null : new java.math.BigDecimal(requested), cause);
    }

    public AssistanceCase submit(String user, ApplicationForm form) {
        return as(user, () -> intake.submit(form));
    }

    // --- tasks ----------------------------------------------------------------------------------

    public Task task(String caseNumber, String taskKey) {
        List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(taskKey).list();
        assertThat(found).as("open %s of %s", taskKey, caseNumber).hasSize(1);
        return found.get(0);
    }

    public List<Task> openTasks(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
    }

    /**
     * Completes the case's open task as the user, then runs what carries out a decision it recorded
     * (enrolment, county grant: asynchronous steps), as the job executor would at once.
     */
    public void complete(String user, String caseNumber, String taskKey, Map<String, Object> variables) {
        Task task = task(caseNumber, taskKey);
        as(user, () -> {
            tasks.complete(task.getId(), variables);
            return null;
        });
        carryOutDecisions(caseNumber);
    }

    /** The asynchronous steps that carry out a recorded decision. */
    public static final List<String> CARRYING_OUT = List.of("Task_Enrol", "Task_GrantFromCounty");

    /** Runs the pending jobs of the case's enrolment and county grant, if any; returns how many ran. */
    public int carryOutDecisions(String caseNumber) {
        List<Job> jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .flatMap(pi -> CARRYING_OUT.stream().flatMap(step -> management.createJobQuery()
                        .processInstanceId(pi.getId()).activityId(step).messages().withRetriesLeft().list().stream()))
                .toList();
        jobs.forEach(j -> management.executeJob(j.getId()));
        return jobs.size();
    }

    public void accept(String caseNumber) {
        accept(Demo.CASEWORKER1, caseNumber);
    }

    public void accept(String user, String caseNumber) {
        complete(user, caseNumber, "Task_AcceptApplication", Map.of("accepted", true));
    }

    /** Runs the asynchronous data verification of the case. */
    public void runDataVerification(String caseNumber) {
        List<Job> jobs = jobsOf(caseNumber);
        assertThat(jobs).as("data verification job of %s", caseNumber).isNotEmpty();
        jobs.forEach(j -> management.executeJob(j.getId()));
    }

    /** The asynchronous continuations (not the timers) of the case's instances. */
    public List<Job> jobsOf(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).messages().list().stream())
                .toList();
    }

    /** The case's pending job at an asynchronous step, or null. */
    public Job jobAt(String caseNumber, String activityId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
                        .list().stream())
                .findFirst().orElse(null);
    }

    /** A home visit with the household's monthly figures; everything else zero, assets within limits. */
    public static Map<String, Object> homeVisit(double wage, double employmentCost) {
        Map<String, Object> v = new HashMap<>();
        v.put("wageIncome", wage);
        v.put("employmentCost", employmentCost);
        v.put("businessIncome", 0L);
        v.put("propertyIncome", 0L);
        v.put("transferIncome", 0L);
        v.put("rigidExpense", 0L);
        v.put("assetsWithinLimit", true);
        v.put("visitNotes", "两名工作人员入户核实");
        return v;
    }

    public void homeVisit(String user, String caseNumber, Map<String, Object> figures) {
        complete(user, caseNumber, "Task_HomeVisit", figures);
    }

    /** Accepted, verified and visited: waiting for the township review. */
    public void investigate(String caseNumber, Map<String, Object> figures) {
        accept(caseNumber);
        runDataVerification(caseNumber);
        homeVisit(Demo.CASEWORKER1, caseNumber, figures);
    }

    public void townshipReview(String user, String caseNumber, String decision, String opinion) {
        Map<String, Object> v = new HashMap<>();
        v.put("townshipDecision", decision);
        if (opinion != null) {
            v.put("townshipOpinion", opinion);
        }
        complete(user, caseNumber, "Task_TownshipReview", v);
    }

    public void decide(String user, String caseNumber, String decision, String opinion) {
        Map<String, Object> v = new HashMap<>();
        v.put("countyDecision", decision);
        if (opinion != null) {
            v.put("countyOpinion", opinion);
        }
        complete(user, caseNumber, "Task_CountyDecision", v);
    }

    /** The township delivers the written rejection notice (送达不予批准告知书) in person on the given day. */
    public void deliverRejectionNotice(String user, String caseNumber, String day) {
        complete(user, caseNumber, "Task_DeliverRejectionNotice",
                Map.of("noticeDeliveredOn", day, "deliveryMethod", "直接送达"));
    }

    /** Moves the engine clock past the end of the public notice and fires its timer. */
    public void letNoticeRunOut(String caseNumber) {
        ProcessInstance pi = instance(caseNumber);
        Date ends = Date.from(cases.findByCaseNumber(caseNumber).orElseThrow().noticeEndsAt());
        ClockUtil.setCurrentTime(new Date(ends.getTime() + 60_000));
        List<Job> timers = management.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("Timer_NoticeEnds").list();
        assertThat(timers).as("notice timer of %s", caseNumber).hasSize(1);
        management.executeJob(timers.get(0).getId());
    }

    /**
     * An ineligible 低保/特困 verification result was told (核对结果告知): the applicant lets the objection
     * period pass. Moves the engine clock past its end and fires its timer; the township review follows.
     */
    public void letVerificationObjectionPeriodRunOut(String caseNumber) {
        List<Job> timers = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).timers()
                        .activityId("Timer_VerificationObjectionPeriod").list().stream())
                .toList();
        assertThat(timers).as("objection period timer of %s", caseNumber).hasSize(1);
        ClockUtil.setCurrentTime(new Date(timers.get(0).getDuedate().getTime() + 60_000));
        management.executeJob(timers.get(0).getId());
    }

    /** The case's AssistanceApplication instance, running or ended (for camunda-bpm-assert). */
    public ProcessInstance instance(String caseNumber) {
        return instance(caseNumber, "AssistanceApplication");
    }

    /** What the job executor would do at the engine's current time: fires the case's timers that are due. */
    public int fireDueTimers(String caseNumber) {
        Date now = ClockUtil.getCurrentTime();
        List<Job> due = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                .flatMap(pi -> management.createJobQuery().processInstanceId(pi.getId()).timers().list().stream())
                .filter(j -> !j.getDuedate().after(now)).toList();
        due.forEach(j -> management.executeJob(j.getId()));
        return due.size();
    }

    /** The case's instance of a process, running or ended. */
    public ProcessInstance instance(String caseNumber, String processKey) {
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(processKey).singleResult();
        if (running != null) {
            return running;
        }
        HistoricProcessInstance h = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(processKey).singleResult();
        assertThat(h).as("process instance of %s", caseNumber).isNotNull();
        return new EndedInstance(h);
    }

    private record EndedInstance(HistoricProcessInstance h) implements ProcessInstance {
        public String getId() { return h.getId(); }
        public String getProcessInstanceId() { return h.getId(); }
        public String getProcessDefinitionId() { return h.getProcessDefinitionId(); }
        public String getBusinessKey() { return h.getBusinessKey(); }
        public String getRootProcessInstanceId() { return h.getRootProcessInstanceId(); }
        public String getCaseInstanceId() { return h.getCaseInstanceId(); }
        public boolean isSuspended() { return false; }
        public boolean isEnded() { return h.getEndTime() != null; }
        public String getTenantId() { return h.getTenantId(); }
        public String getProcessDefinitionKey() { return h.getProcessDefinitionKey(); }
    }

    public CaseStatus status(String caseNumber) {
        return cases.findByCaseNumber(caseNumber).orElseThrow().status();
    }

    // --- identity -------------------------------------------------------------------------------

    /** Runs as a demo user, with his groups, as Tasklist and the REST API would. */
    public <T> T as(String user, Supplier<T> action) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .toList();
        identity.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
