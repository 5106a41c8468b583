package org.doudi.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.doudi.TimeConfig;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.doudi.region.DeepPoverty;
import org.doudi.region.DeepPovertyAreas;
import org.doudi.region.DeepPovertyChanged;
import org.doudi.region.RegionLevel;
import org.doudi.region.RegionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Keeps {@link OpenTask} in step with the engine: a row while a user task of a case is open. */
@Service
@Transactional
class OpenTasks {

    private static final Logger log = LoggerFactory.getLogger(OpenTasks.class);

    private final OpenTaskRepository tasks;
    private final CaseRepository cases;
    private final Deadlines deadlines;
    private final RegionService regions;
    private final EntityManager entities;
    private final Clock clock;

    private final Subjects subjects;

    OpenTasks(OpenTaskRepository tasks, CaseRepository cases, Deadlines deadlines, RegionService regions,
            EntityManager entities, Subjects subjects, Clock clock) {
        this.tasks = tasks;
        this.cases = cases;
        this.subjects = subjects;
        this.deadlines = deadlines;
        this.regions = regions;
        this.entities = entities;
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
        String village = c != null ? c.villageCode() : subject.villageCode();
        tasks.save(new OpenTask(task.getId(), c == null ? null : c.id(), caseNumber, processKey,
                task.getTaskDefinitionKey(), task.getName(), group, village, clock.instant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), step, anchor,
                regions.deepPovertyOf(village).orElse(null)));
    }

    /**
     * A region's deep-poverty flag changed: its open tasks take the area their village lies in now, in the
     * transaction of the change. The areas are resolved here, from the flags (a few): the region's tasks take its
     * area, then those of each flagged township below it take the township's, then those of each flagged village
     * the village's; each a bulk update of the tasks whose area differs, by the region's own column. (One
     * correlated update that looks up each task's three regions took MariaDB 8–12 s for a county of 50 000 open
     * tasks; these take 2.2 s when 45 000 of them change, 0.3 s when 5 000 do: docs/deep-poverty.md.)
     */
    @EventListener
    void on(DeepPovertyChanged changed) {
        String root = changed.regionCode();
        DeepPovertyAreas areas = regions.deepPovertyAreas();
        int rows = setArea(changed.level(), List.of(root), areas.kindOf(root).orElse(null));
        Map<RegionLevel, Map<Optional<DeepPoverty>, List<String>>> below = new TreeMap<>();
        areas.flags().keySet().stream().filter(code -> code.length() > root.length() && code.startsWith(root))
                .sorted().forEach(code -> below.computeIfAbsent(RegionLevel.ofCode(code), l -> new HashMap<>())
                        .computeIfAbsent(areas.kindOf(code), k -> new ArrayList<>()).add(code));
        for (var level : below.entrySet()) { // townships before villages: a village's own flag has the last word
            for (var kind : level.getValue().entrySet()) {
                rows += setArea(level.getKey(), kind.getValue(), kind.getKey().orElse(null));
            }
        }
        log.info("region {}: deep-poverty area of {} open tasks rewritten", root, rows);
    }

    /** Sets the area of the open tasks of some regions of one level, where it differs; how many changed. */
    private int setArea(RegionLevel level, List<String> codes, DeepPoverty kind) {
        String column = switch (level) {
            case COUNTY -> "t.countyCode";
            case TOWNSHIP -> "t.townshipCode";
            case VILLAGE -> "t.villageCode";
        };
        String differs = kind == null ? "t.deepPoverty is not null" : "(t.deepPoverty is null or t.deepPoverty <> :kind)";
        Query update = entities.createQuery("update OpenTask t set t.deepPoverty = " + (kind == null ? "null" : ":kind")
                + " where " + column + " in :codes and " + differs).setParameter("codes", codes);
        if (kind != null) {
            update.setParameter("kind", kind);
        }
        return update.executeUpdate();
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
