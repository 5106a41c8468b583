package org.doudi.escalation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message to a group of supervisors that work runs late. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_id", nullable = false)
    private String groupId;

    /** The case; null for work that is not a case's ({@link WorkSubject}), named by subject_number. */
    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "subject_number")
    private String subjectNumber;

    @Column(name = "task_id")
    private String taskId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(String groupId, Long caseId, String taskId, String kind, String message, Instant createdAt) {
        this(groupId, caseId, null, taskId, kind, message, createdAt);
    }

    Notification(String groupId, Long caseId, String subjectNumber, String taskId, String kind, String message,
            Instant createdAt) {
        this.groupId = groupId;
        this.caseId = caseId;
        this.subjectNumber = caseId == null ? subjectNumber : null;
        this.taskId = taskId;
        this.kind = kind;
        this.message = message.length() > 1000 ? message.substring(0, 999) + "…" : message;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String groupId() {
        return groupId;
    }

    public Long caseId() {
        return caseId;
    }

    public String taskId() {
        return taskId;
    }

    public String kind() {
        return kind;
    }

    public String message() {
        return message;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
