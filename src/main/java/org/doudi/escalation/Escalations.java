package org.doudi.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseEvents;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.TimelineStep;
import org.doudi.region.StaffRole;
import org.doudi.security.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * 督办: work that runs late reaches the supervisors by itself, on timers in the models.
 * <ul>
 * <li>Level 1, at a task's due date: the task is marked overdue, the supervisors of its own level
 * (township or county) become its candidates and are notified.</li>
 * <li>Level 2, some working days later: the county supervisors.</li>
 * <li>A case past its whole-procedure limit: the county supervisors, on all its open tasks.</li>
 * </ul>
 * Each fires once per task and level: the engine runs each timer job once across nodes, and a record
 * per task and level (unique in the database) is written in the same transaction.
 */
@Component("escalations")
@Transactional
public class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    /** The timer of the event sub-process that watches the whole procedure. */
    public static final String PROCEDURE_TIMER = "Timer_ProcedureLimit";

    private final CaseRepository cases;
    private final EscalationRepository escalations;
    private final NotificationRepository notifications;
    private final OpenTasks openTasks;
    private final CaseRecords records;
    private final Deadlines deadlines;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final MeterRegistry meters;
    private final Clock clock;

    private final Subjects subjects;

    Escalations(CaseRepository cases, EscalationRepository escalations, NotificationRepository notifications,
            OpenTasks openTasks, CaseRecords records, Deadlines deadlines, TaskService taskService,
            ManagementService managementService, MeterRegistry meters, Subjects subjects, Clock clock) {
        this.cases = cases;
        this.subjects = subjects;
        this.escalations = escalations;
        this.notifications = notifications;
        this.openTasks = openTasks;
        this.records = records;
        this.deadlines = deadlines;
        this.taskService = taskService;
        this.managementService = managementService;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * A task's timeout listener: {@code ${escalations.overdue(task, 1)}}. A task whose limit is on starting
     * it (the home investigation) and that was started in time is not overdue: nothing is recorded.
     */
    public void overdue(DelegateTask task, int level) {
        String levelName = "LEVEL_" + level;
        // The open-task row (read anyway: was the task started in time?) knows the level reached; only when it
        // says this level may be recorded already, or there is no row, is the record asked for.
        OpenTask open = openTasks.find(task.getId()).orElse(null);
        if ((open == null || open.escalationLevel() >= level)
                && escalations.existsByTaskIdAndLevel(task.getId(), levelName)) {
            return;
        }
        if (startedInTime(task, open)) {
            log.debug("task {} started in time: no escalation", task.getId());
            return;
        }
        CaseRef c = caseRefOf(task, open);
        String group = level <= 1 && atTownship(task) ? StaffRole.TOWNSHIP_SUPERVISOR.groupFor(c.townshipCode())
                : StaffRole.COUNTY_SUPERVISOR.groupFor(c.countyCode());
        Instant now = clock.instant();
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        escalations.save(new EscalationRecord(c.id(), c.number(), task.getId(), task.getTaskDefinitionKey(), levelName,
                group, due, now));
        if (task.getCandidates().stream().noneMatch(l -> group.equals(l.getGroupId()))) {
            task.addCandidateGroup(group); // its grant lets the supervisors reassign (SupervisorTaskGrants)
        }
        task.setVariableLocal("overdue", true);
        task.setVariableLocal("escalationLevel", level);
        if (open != null) {
            open.escalated(level);
        }
        String message = c.label() + " " + c.number() + " 的「" + task.getName() + "」已超过办理期限"
                + (level > 1 ? "，逾期未办，提请县级督办" : "，请督促办理");
        notifications.save(new Notification(group, c.id(), c.number(), task.getId(), "OVERDUE_" + levelName, message,
                now));
        if (c.id() != null) {
            records.step(c.id(), TimelineStep.ESCALATION, Actors.SYSTEM, levelName.toLowerCase(),
                    message + "（" + group + "）");
        }
        meters.counter("doudi.escalations", "level", String.valueOf(level), "step", task.getTaskDefinitionKey())
                .increment();
        log.info("case {}: {} overdue, escalated to {} (level {})", c.number(), task.getTaskDefinitionKey(),
                group, level);
    }

    /** Started (claimed, or a visit date recorded) no later than its due date. */
    private static boolean startedInTime(DelegateTask task, OpenTask open) {
        if (open != null && open.startedInTime()) {
            return true;
        }
        Object visit = task.getVariableLocal(VAR_VISIT_DATE); // this task's, not an earlier visit's
        LocalDate visited = visit instanceof Date d ? d.toInstant().atZone(TimeConfig.LEGAL_ZONE).toLocalDate()
                : visit instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}.*") ? LocalDate.parse(s.substring(0, 10))
                : null;
        return visited != null && task.getDueDate() != null
                && !visited.isAfter(task.getDueDate().toInstant().atZone(TimeConfig.LEGAL_ZONE).toLocalDate());
    }

    /** A visit date the home-visit form may record (入户调查日期): the investigation started that day. */
    static final String VAR_VISIT_DATE = "visitDate";

    /**
     * The home-visit task was claimed: the household investigation started (入户调查开始). Recorded once
     * per task, on the case and its timeline, in time or late.
     */
    public void investigationStarted(DelegateTask task) {
        if (task.getAssignee() == null) {
            return; // unclaimed
        }
        OpenTask open = openTasks.find(task.getId()).orElse(null);
        if (open == null || open.startedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        open.started(now);
        AssistanceCase c = caseOf(open.caseNumber());
        c.investigationStarted(now);
        boolean inTime = open.startedInTime();
        records.step(c, TimelineStep.INVESTIGATION_STARTED, task.getAssignee(), inTime ? "in_time" : "late",
                inTime ? "入户调查已在期限内开始" : "入户调查开始晚于期限");
        log.info("case {}: household investigation started ({})", c.caseNumber(), inTime ? "in time" : "late");
    }

    /**
     * The whole procedure of a case runs to its longer limit, with the reason (an objection, residence
     * elsewhere, a hard investigation …): recorded on the case and its timeline, the procedure timer moved.
     * Once extended, a further reason changes nothing.
     */
    public void extendProcedure(String caseNumber, String reason, String actor) {
        AssistanceCase c = caseOf(caseNumber);
        if (!c.extendProcedure(reason)) {
            return;
        }
        records.step(c, TimelineStep.PROCEDURE_EXTENDED, actor, "extended", reason);
        reschedule(c);
        log.info("case {}: whole procedure extended", c.caseNumber());
    }

    /**
     * The whole procedure ran past its limit: {@code ${escalateProcedure}} in the event sub-process. A case
     * already decided (its process may still wait, e.g. for a follow-up) and an emergency grant (paid
     * first, with its paperwork limit instead) are not escalated.
     */
    public void procedureBreached(DelegateExecution execution) {
        if (escalations.existsByTaskIdAndLevel(execution.getProcessInstanceId(), EscalationRecord.PROCEDURE)) {
            return;
        }
        AssistanceCase c = caseOf(execution.getProcessBusinessKey());
        if (c.closedAt() != null || c.isEmergency()) {
            return;
        }
        String group = StaffRole.COUNTY_SUPERVISOR.groupFor(c.countyCode());
        Instant now = clock.instant();
        escalations.save(new EscalationRecord(c.id(), execution.getProcessInstanceId(), null,
                EscalationRecord.PROCEDURE, group, null, now));
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(c.caseNumber()).list();
        for (Task t : open) {
            boolean already = taskService.getIdentityLinksForTask(t.getId()).stream()
                    .anyMatch(l -> group.equals(l.getGroupId()) && IdentityLinkType.CANDIDATE.equals(l.getType()));
            if (!already) {
                taskService.addCandidateGroup(t.getId(), group); // may reassign too (SupervisorTaskGrants)
            }
        }
        String message = "案件 " + c.caseNumber() + " 已超过办理总时限，尚未办结，提请县级督办";
        notifications.save(new Notification(group, c.id(), null, "PROCEDURE_BREACHED", message, now));
        records.step(c, TimelineStep.ESCALATION, Actors.SYSTEM, "procedure", message);
        meters.counter("doudi.escalations", "level", "procedure", "step", "procedure").increment();
        log.info("case {}: whole procedure overdue, escalated to {}", c.caseNumber(), group);
    }

    /** Accepted: the whole procedure counts from acceptance. */
    @EventListener
    void on(CaseEvents.Accepted accepted) {
        reschedule(caseOf(accepted.caseNumber()));
    }

    /** The reason an objection gives the longer limit (公示期间有异议). */
    public static final String OBJECTION_REASON = "公示期间有异议";
    public static final String VERIFICATION_OBJECTION_REASON = "对核对结果有异议";

    /** An objection extends the whole procedure to its longer limit. */
    @EventListener
    void on(CaseEvents.ObjectionRaised raised) {
        extendProcedure(raised.caseNumber(), OBJECTION_REASON, Actors.SYSTEM);
    }

    /** An objection to the verification result is a special circumstance as well. */
    @EventListener
    void on(CaseEvents.VerificationObjectionRaised raised) {
        extendProcedure(raised.caseNumber(), VERIFICATION_OBJECTION_REASON, raised.actor());
    }

    /** Moves the procedure timer of a case to the end its limit gives now; returns how many moved. */
    int reschedule(AssistanceCase c) {
        if (c.processInstanceId() == null) {
            return 0;
        }
        Date ends = Date.from(deadlines.procedureEnds(c));
        int moved = 0;
        for (Job job : managementService.createJobQuery().processInstanceId(c.processInstanceId())
                .activityId(PROCEDURE_TIMER).list()) {
            if (!ends.equals(job.getDuedate())) {
                managementService.setJobDuedate(job.getId(), ends);
                moved++;
            }
        }
        return moved;
    }

    /**
     * What an escalation needs of its case, or of other work ({@link WorkSubject}: no case id), and what a
     * notification calls it.
     */
    private record CaseRef(Long id, String number, String townshipCode, String countyCode, String label) {
    }

    /** From the open task's row (the case itself is not read), or from the case for a task without a row. */
    private CaseRef caseRefOf(DelegateTask task, OpenTask open) {
        String key = task.getExecution().getProcessBusinessKey();
        if (open != null) {
            String label = open.caseId() != null ? "案件" : subjects.of(key).map(WorkSubject::label).orElse("事项");
            return new CaseRef(open.caseId(), open.caseNumber(), open.townshipCode(), open.countyCode(), label);
        }
        WorkSubject s = cases.findByCaseNumber(key).isPresent() ? null : subjects.of(key).orElse(null);
        if (s != null) {
            return new CaseRef(null, s.number(), s.townshipCode(), s.countyCode(), s.label());
        }
        AssistanceCase c = caseOf(key);
        return new CaseRef(c.id(), c.caseNumber(), c.townshipCode(), c.countyCode(), "案件");
    }

    /** Whether the task is at the township's level (its candidates are township caseworkers), else the county's. */
    private static boolean atTownship(DelegateTask task) {
        return task.getCandidates().stream()
                .anyMatch(l -> StaffRole.TOWNSHIP_CASEWORKER.regionOf(l.getGroupId()) != null);
    }

    private AssistanceCase caseOf(String caseNumber) {
        return cases.require(caseNumber);
    }
}
