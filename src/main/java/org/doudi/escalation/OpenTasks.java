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

    OpenTasks(OpenTaskRepository tasks, CaseRepository cases, Deadlines deadlines, Clock clock) {
        this.tasks = tasks;
        this.cases = cases;
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
        if (c == null) {
            return; // not a case's task
        }
        String group = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElse(null);
        String processKey = task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
        LocalDate anchor = step == null ? null : deadlines.limit(c, step, TimeConfig.today(clock)).anchor();
        tasks.save(new OpenTask(task.getId(), c.id(), caseNumber, processKey, task.getTaskDefinitionKey(),
                task.getName(), group, c.villageCode(), clock.instant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), step, anchor));
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
