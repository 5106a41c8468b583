package org.doudi.review;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A democratic appraisal (民主评议) the township held on a case: when, who took part, the result. Recorded,
 * never changed. Where it was recorded: on the township review, on the handling of an objection, or over
 * {@code POST /api/cases/{n}/appraisals}.
 */
@Entity
@Table(name = "democratic_appraisal")
public class DemocraticAppraisal {

    /** Where an appraisal was recorded. */
    public enum RecordedWith { TOWNSHIP_REVIEW, OBJECTION, API }

    /** 评议结果. */
    public static final String PASSED = "通过";
    public static final String FAILED = "不通过";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(nullable = false)
    private String participants;

    @Column(name = "participant_count")
    private Integer participantCount;

    @Column(nullable = false)
    private String result;

    private String notes;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_with", nullable = false)
    private String recordedWith;

    protected DemocraticAppraisal() {
    }

    DemocraticAppraisal(Long caseId, AppraisalInput input, RecordedWith with, String actor, Instant at) {
        this.caseId = caseId;
        this.heldOn = input.heldOn();
        this.participants = input.participants();
        this.participantCount = input.participantCount();
        this.result = input.result();
        this.notes = input.notes();
        this.recordedWith = with.name();
        this.recordedBy = actor;
        this.recordedAt = at;
    }

    public Long id() {
        return id;
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public String participants() {
        return participants;
    }

    public Integer participantCount() {
        return participantCount;
    }

    /** {@value #PASSED} or {@value #FAILED}. */
    public String result() {
        return result;
    }

    public String notes() {
        return notes;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String recordedWith() {
        return recordedWith;
    }
}
