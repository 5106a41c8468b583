package org.doudi.verification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An ineligible verification result told to the applicant (核对结果告知), the period in which he may object
 * with evidence, and his objection once raised.
 */
@Entity
@Table(name = "verification_result_notice")
public class VerificationResultNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "told_at", nullable = false)
    private Instant toldAt;

    @Column(name = "period_ends_at", nullable = false)
    private Instant periodEndsAt;

    @Column(name = "objection_text")
    private String objectionText;

    @Column(name = "objection_evidence")
    private String objectionEvidence;

    @Column(name = "objected_at")
    private Instant objectedAt;

    @Column(name = "objected_by")
    private String objectedBy;

    protected VerificationResultNotice() {
    }

    VerificationResultNotice(Long caseId, Instant toldAt, Instant periodEndsAt) {
        this.caseId = caseId;
        this.toldAt = toldAt;
        this.periodEndsAt = periodEndsAt;
    }

    /** Whether an objection may still be raised at this moment. */
    public boolean openAt(Instant now) {
        return objectedAt == null && now.isBefore(periodEndsAt);
    }

    void objected(String text, String evidence, Instant at, String by) {
        if (objectedAt != null) {
            throw new IllegalStateException("an objection to this result was raised already");
        }
        this.objectionText = text;
        this.objectionEvidence = evidence;
        this.objectedAt = at;
        this.objectedBy = by;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public Instant toldAt() {
        return toldAt;
    }

    public Instant periodEndsAt() {
        return periodEndsAt;
    }

    public String objectionText() {
        return objectionText;
    }

    public String objectionEvidence() {
        return objectionEvidence;
    }

    public Instant objectedAt() {
        return objectedAt;
    }

    public String objectedBy() {
        return objectedBy;
    }
}
