package org.doudi.escalation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An escalation that fired (督办): once per task and level, once per case for the whole procedure. */
@Entity
@Table(name = "escalation")
class EscalationRecord {

    /** {@code LEVEL_1}, {@code LEVEL_2} for a task; {@code PROCEDURE} for the whole procedure of a case. */
    public static final String PROCEDURE = "PROCEDURE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The case; null for work that is not a case's ({@link WorkSubject}), named by subject_number. */
    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "subject_number")
    private String subjectNumber;

    /** The task, or the process instance for the whole procedure. */
    @Column(name = "task_id", nullable = false)
    private String taskId;

    @Column(name = "task_key")
    private String taskKey;

    @Column(nullable = false)
    private String level;

    @Column(name = "group_id", nullable = false)
    private String groupId;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "fired_at", nullable = false)
    private Instant firedAt;

    protected EscalationRecord() {
    }

    EscalationRecord(Long caseId, String taskId, String taskKey, String level, String groupId, Instant dueAt,
            Instant firedAt) {
        this(caseId, null, taskId, taskKey, level, groupId, dueAt, firedAt);
    }

    EscalationRecord(Long caseId, String subjectNumber, String taskId, String taskKey, String level, String groupId,
            Instant dueAt, Instant firedAt) {
        this.caseId = caseId;
        this.subjectNumber = caseId == null ? subjectNumber : null;
        this.taskId = taskId;
        this.taskKey = taskKey;
        this.level = level;
        this.groupId = groupId;
        this.dueAt = dueAt;
        this.firedAt = firedAt;
    }

    public String taskId() {
        return taskId;
    }

    public String taskKey() {
        return taskKey;
    }

    public String level() {
        return level;
    }

    public String groupId() {
        return groupId;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant firedAt() {
        return firedAt;
    }
}
