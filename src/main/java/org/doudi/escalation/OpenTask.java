package org.doudi.escalation;

import java.time.Instant;
import java.time.LocalDate;

import org.doudi.region.DeepPoverty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An open user task of a case, kept by task listeners on every user task: the read model behind the
 * supervisors' views and the metrics, queried by region and due date without touching the engine.
 */
@Entity
@Table(name = "open_task")
public class OpenTask {

    @Id
    @Column(name = "task_id")
    private String taskId;

    /** The case; null for work that is not a case's ({@link WorkSubject}): case_number then holds its number. */
    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Column(name = "process_key", nullable = false)
    private String processKey;

    @Column(name = "task_key", nullable = false)
    private String taskKey;

    @Column(name = "task_name")
    private String taskName;

    @Column(name = "candidate_group")
    private String candidateGroup;

    @Column(name = "village_code", nullable = false)
    private String villageCode;

    @Column(name = "township_code", nullable = false)
    private String townshipCode;

    @Column(name = "county_code", nullable = false)
    private String countyCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "escalation_level", nullable = false)
    private int escalationLevel;

    /** The step of doudi.time-limits its due date was computed for, if it has one. */
    private String step;

    /** The day its limit counts from (the day itself not counted). */
    @Column(name = "anchor_day")
    private LocalDate anchorDay;

    /** When a task whose limit is on starting it was started (claimed). */
    @Column(name = "started_at")
    private Instant startedAt;

    /**
     * The deep-poverty area (深度贫困地区) its village lies in, resolved through township and county when the row
     * is written, rewritten when a flag changes ({@link OpenTasks}); {@code null} for none. Kept here so that
     * the supervision lists filter and total by it from their indexes, without a region lookup per row.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "deep_poverty")
    private DeepPoverty deepPoverty;

    protected OpenTask() {
    }

    OpenTask(String taskId, Long caseId, String caseNumber, String processKey, String taskKey, String taskName,
            String candidateGroup, String villageCode, Instant createdAt, Instant dueAt, String step,
            LocalDate anchorDay, DeepPoverty deepPoverty) {
        this.step = step;
        this.anchorDay = anchorDay;
        this.taskId = taskId;
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.processKey = processKey;
        this.taskKey = taskKey;
        this.taskName = taskName;
        this.candidateGroup = candidateGroup;
        this.villageCode = villageCode;
        this.townshipCode = villageCode.substring(0, 9);
        this.countyCode = villageCode.substring(0, 6);
        this.createdAt = createdAt;
        this.dueAt = dueAt;
        this.deepPoverty = deepPoverty;
    }

    /** Recorded once: the first start counts. */
    void started(Instant at) {
        if (startedAt == null) {
            startedAt = at;
        }
    }

    /** Started no later than its due date. */
    boolean startedInTime() {
        return startedAt != null && (dueAt == null || !startedAt.isAfter(dueAt));
    }

    void moveDue(Instant due) {
        this.dueAt = due;
    }

    public String step() {
        return step;
    }

    public LocalDate anchorDay() {
        return anchorDay;
    }

    public Instant startedAt() {
        return startedAt;
    }

    void escalated(int level) {
        this.escalationLevel = Math.max(escalationLevel, level);
    }

    public String taskId() {
        return taskId;
    }

    public Long caseId() {
        return caseId;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String processKey() {
        return processKey;
    }

    public String taskKey() {
        return taskKey;
    }

    public String taskName() {
        return taskName;
    }

    public String candidateGroup() {
        return candidateGroup;
    }

    public String villageCode() {
        return villageCode;
    }

    public String townshipCode() {
        return townshipCode;
    }

    public String countyCode() {
        return countyCode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public int escalationLevel() {
        return escalationLevel;
    }

    /** The deep-poverty area its village lies in, {@code null} for none. */
    public DeepPoverty deepPoverty() {
        return deepPoverty;
    }
}
