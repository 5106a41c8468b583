package org.doudi.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.doudi.TimeConfig;
import org.doudi.calendar.CalendarDependents;
import org.doudi.calendar.HolidaySchedule;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a schedule changes (a new year published, a correction, a province's own days off), the due dates
 * computed with the old one move: the open tasks' due dates (engine task and read model), their two
 * escalation timers, and the procedure timers of the cases. Only what the changed year can touch is
 * read (tasks counted from before its end and due from its start on; procedure timers due from its
 * start on), with one query per kind, and the moves run in the transaction of the load.
 */
@Component
@Transactional
class DeadlineMover implements CalendarDependents {

    private static final Logger log = LoggerFactory.getLogger(DeadlineMover.class);
    private static final int PAGE = 500;

    private final OpenTaskRepository openTasks;
    private final CaseRepository cases;
    private final Deadlines deadlines;
    private final TaskService taskService;
    private final ManagementService managementService;

    private final Subjects subjects;

    DeadlineMover(OpenTaskRepository openTasks, CaseRepository cases, Deadlines deadlines,
            TaskService taskService, ManagementService managementService, Subjects subjects) {
        this.subjects = subjects;
        this.openTasks = openTasks;
        this.cases = cases;
        this.deadlines = deadlines;
        this.taskService = taskService;
        this.managementService = managementService;
    }

    @Override
    public Moved scheduleChanged(String region, int year) {
        Instant yearStart = LocalDate.of(year, 1, 1).atStartOfDay(TimeConfig.LEGAL_ZONE).toInstant();
        String prefix = HolidaySchedule.NATIONAL.equals(region) ? "" : region;
        int tasks = moveTasks(openTasks.movableBy(LocalDate.of(year, 12, 31), yearStart, prefix));
        int timers = moveProcedureTimers(yearStart, prefix);
        log.info("calendar {} {}: {} open tasks and {} procedure timers moved", region, year, tasks, timers);
        return new Moved(tasks, timers);
    }

    private int moveTasks(List<OpenTask> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Map<Long, AssistanceCase> byId = cases.findAllById(rows.stream().map(OpenTask::caseId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(AssistanceCase::id, Function.identity()));
        Map<String, WorkSubject> others = new HashMap<>();
        Map<String, LocalDate> newDue = new HashMap<>();
        for (OpenTask row : rows) {
            AssistanceCase c = row.caseId() == null ? null : byId.get(row.caseId());
            WorkSubject s = c != null ? null : subjects.of(row.caseNumber()).orElse(null);
            if (c == null && s == null) {
                continue; // its work is gone
            }
            if (s != null) {
                others.put(row.taskId(), s);
            }
            LocalDate due = c != null ? deadlines.limitFrom(c, row.step(), row.anchorDay()).due()
                    : deadlines.limitFrom(s, row.step(), row.anchorDay()).due();
            if (!WorkingDayCalendar.endOf(due).equals(row.dueAt())) {
                newDue.put(row.taskId(), due);
                row.moveDue(WorkingDayCalendar.endOf(due));
            }
        }
        if (newDue.isEmpty()) {
            return 0;
        }
        Map<String, OpenTask> rowOf = rows.stream().collect(Collectors.toMap(OpenTask::taskId, Function.identity()));
        List<String> ids = new ArrayList<>(newDue.keySet());
        Set<String> instances = new HashSet<>();
        Map<String, Task> moved = new HashMap<>();
        for (int i = 0; i < ids.size(); i += PAGE) {
            List<String> page = ids.subList(i, Math.min(ids.size(), i + PAGE));
            for (Task t : taskService.createTaskQuery().taskIdIn(page.toArray(String[]::new)).list()) {
                t.setDueDate(Date.from(WorkingDayCalendar.endOf(newDue.get(t.getId()))));
                taskService.saveTask(t);
                moved.put(t.getProcessInstanceId() + "/" + t.getTaskDefinitionKey(), t);
                instances.add(t.getProcessInstanceId());
            }
        }
        // the escalation timers (timeout listeners) of the moved tasks, one query per page of instances
        List<String> pis = new ArrayList<>(instances);
        for (int i = 0; i < pis.size(); i += PAGE) {
            Set<String> page = new HashSet<>(pis.subList(i, Math.min(pis.size(), i + PAGE)));
            for (Job job : managementService.createJobQuery().processInstanceIds(page).timers().list()) {
                // "<activity>$taskListener~<listener id>" (read without a command context, unlike getActivityId)
                String config = ((JobEntity) job).getJobHandlerConfigurationRaw();
                if (config == null || !config.contains("$taskListener~Escalation_Level")) {
                    continue; // another timer, not a task's escalation
                }
                Task t = moved.get(job.getProcessInstanceId() + "/" + config.substring(0, config.indexOf('$')));
                if (t == null) {
                    continue;
                }
                int level = config.contains("Escalation_Level2") ? 2 : 1;
                Long caseId = rowOf.get(t.getId()).caseId();
                String county = caseId != null ? byId.get(caseId).countyCode() : others.get(t.getId()).countyCode();
                Date at = Date.from(deadlines.escalationAt(county, newDue.get(t.getId()), level));
                if (!at.equals(job.getDuedate())) {
                    managementService.setJobDuedate(job.getId(), at);
                }
            }
        }
        return moved.size();
    }

    private int moveProcedureTimers(Instant yearStart, String countyPrefix) {
        int moved = 0;
        for (int first = 0;; first += PAGE) {
            List<Job> jobs = managementService.createJobQuery().activityId(Escalations.PROCEDURE_TIMER)
                    .duedateHigherThenOrEquals(Date.from(yearStart)).orderByJobId().asc().listPage(first, PAGE);
            if (jobs.isEmpty()) {
                break;
            }
            Map<String, AssistanceCase> byInstance = cases
                    .findByProcessInstanceIdIn(jobs.stream().map(Job::getProcessInstanceId).collect(Collectors.toSet()))
                    .stream().collect(Collectors.toMap(AssistanceCase::processInstanceId, Function.identity()));
            for (Job job : jobs) {
                AssistanceCase c = byInstance.get(job.getProcessInstanceId());
                if (c == null || !c.countyCode().startsWith(countyPrefix)) {
                    continue;
                }
                Date ends = Date.from(deadlines.procedureEnds(c));
                if (!ends.equals(job.getDuedate())) {
                    managementService.setJobDuedate(job.getId(), ends);
                    moved++;
                }
            }
            if (jobs.size() < PAGE) {
                break;
            }
        }
        return moved;
    }
}
