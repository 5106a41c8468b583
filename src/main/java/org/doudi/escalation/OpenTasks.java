package org.doudi.escalation;

import java.time.Clock;
import java.time.LocalDate;

import org.doudi.TimeConfig;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps {@link OpenTask} in step with the engine: a row while a user task of a case is open. */
@Service
@Transactional
class OpenTasks {

    private final OpenTaskRepository tasks;
    private final CaseRepository cases;
    private final Deadlines deadlines;
    private final Clock clock;

    private final Subjects subjects;

    OpenTasks(OpenTaskRepository tasks, CaseRepository cases, Deadlines deadlines, Subjects subjects, Clock clock) {
        this.tasks = tasks;
        this.cases = cases;
        this.subjects = subjects;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * A user task was created.
     *
     * @param step the step of doudi.time-limits its due date names, or {@code null}: kept with the day its
     *            limit counts from, so that a new calendar can recompute it
     */
    void opened(DelegateTask task, String step) {
        String caseNumber = task.getExecution().getProcessBusinessKey();
        AssistanceCase c = caseNumber == null ? null : cases.findByCaseNumber(caseNumber).orElse(null);
        WorkSubject subject = c != null ? null : subjects.of(caseNumber).orElse(null);
        if (c == null && subject == null) {
            return; // neither a case's task nor other work's
        }
        String group = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElse(null);
        String processKey = task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
        LocalDate today = TimeConfig.today(clock);
        LocalDate anchor = step == null ? null : c != null ? deadlines.limit(c, step, today).anchor() : today;
        tasks.save(new OpenTask(task.getId(), c == null ? null : c.id(), caseNumber, processKey,
                task.getTaskDefinitionKey(), task.getName(), group, c != null ? c.villageCode() : subject.villageCode(),
                clock.instant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(), step, anchor));
    }

    void closed(DelegateTask task) {
        tasks.deleteByTaskId(task.getId());
    }

    java.util.Optional<OpenTask> find(String taskId) {
        return tasks.findById(taskId);
    }

    void escalated(String taskId, int level) {
        tasks.findById(taskId).ifPresent(t -> t.escalated(level));
    }
}
