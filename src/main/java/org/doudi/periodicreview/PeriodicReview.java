package org.doudi.periodicreview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.doudi.enrolment.EndReason;

/**
 * One review (复核) of an enrolment: its case, what started it, the township's opinion and the decision with what it
 * did. While undecided it holds the enrolment's id in {@code open_enrolment_id}, whose unique key keeps one open
 * review per enrolment.
 */
@Entity
@Table(name = "periodic_review")
class PeriodicReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Column(name = "enrolment_id", nullable = false)
    private Long enrolmentId;

    @Column(name = "enrolment_number", nullable = false)
    private String enrolmentNumber;

    @Column(name = "township_code", nullable = false)
    private String townshipCode;

    @Column(name = "county_code", nullable = false)
    private String countyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    private ReviewTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    private ChangeKind changeKind;

    @Column(name = "change_text")
    private String changeText;

    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "started_by", nullable = false)
    private String startedBy;

    @Column(name = "open_enrolment_id")
    private Long openEnrolmentId;

    @Column(name = "opinion")
    private String opinion;

    @Column(name = "opinion_reasons")
    private String opinionReasons;

    @Column(name = "opinion_by")
    private String opinionBy;

    @Column(name = "opinion_at")
    private Instant opinionAt;

    @Column(name = "outcome")
    private String outcome;

    @Column(name = "outcome_reasons")
    private String outcomeReasons;

    @Enumerated(EnumType.STRING)
    @Column(name = "stop_reason")
    private EndReason stopReason;

    @Column(name = "change_month")
    private String changeMonth;

    private BigDecimal overpaid;

    @Column(name = "effective_month")
    private String effectiveMonth;

    @Column(name = "new_amount")
    private BigDecimal newAmount;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "notice_at")
    private Instant noticeAt;

    protected PeriodicReview() {
    }

    PeriodicReview(Long caseId, String caseNumber, Long enrolmentId, String enrolmentNumber, String townshipCode,
            String countyCode, ReviewTrigger trigger, ChangeKind changeKind, String changeText, Long campaignId,
            Instant startedAt, String startedBy) {
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.enrolmentId = enrolmentId;
        this.enrolmentNumber = enrolmentNumber;
        this.townshipCode = townshipCode;
        this.countyCode = countyCode;
        this.trigger = trigger;
        this.changeKind = changeKind;
        this.changeText = changeText;
        this.campaignId = campaignId;
        this.startedAt = startedAt;
        this.startedBy = startedBy;
        this.openEnrolmentId = enrolmentId;
    }

    void opinion(ReviewOutcome o, String reasons, String by, Instant at) {
        requireOpen();
        this.opinion = o.value();
        this.opinionReasons = reasons;
        this.opinionBy = by;
        this.opinionAt = at;
    }

    void decided(ReviewOutcome o, String reasons, String by, Instant at) {
        requireOpen();
        this.outcome = o.value();
        this.outcomeReasons = reasons;
        this.decidedBy = by;
        this.decidedAt = at;
        this.openEnrolmentId = null;
    }

    void effect(YearMonth month, BigDecimal amount) {
        this.effectiveMonth = month == null ? null : month.toString();
        this.newAmount = amount;
    }

    void stopped(EndReason reason, YearMonth changedIn, BigDecimal overpaidSince) {
        this.stopReason = reason;
        this.changeMonth = changedIn == null ? null : changedIn.toString();
        this.overpaid = overpaidSince;
    }

    void noticeIssued(Instant at) {
        this.noticeAt = at;
    }

    private void requireOpen() {
        if (openEnrolmentId == null) {
            throw new IllegalStateException("review " + caseNumber + " is decided");
        }
    }

    Long id() {
        return id;
    }

    Long caseId() {
        return caseId;
    }

    String caseNumber() {
        return caseNumber;
    }

    Long enrolmentId() {
        return enrolmentId;
    }

    String enrolmentNumber() {
        return enrolmentNumber;
    }

    ReviewTrigger trigger() {
        return trigger;
    }

    ChangeKind changeKind() {
        return changeKind;
    }

    String changeText() {
        return changeText;
    }

    Long campaignId() {
        return campaignId;
    }

    Instant startedAt() {
        return startedAt;
    }

    String opinion() {
        return opinion;
    }

    String opinionReasons() {
        return opinionReasons;
    }

    String outcome() {
        return outcome;
    }

    String changeMonth() {
        return changeMonth;
    }

    String outcomeReasons() {
        return outcomeReasons;
    }

    EndReason stopReason() {
        return stopReason;
    }

    BigDecimal overpaid() {
        return overpaid;
    }

    String effectiveMonth() {
        return effectiveMonth;
    }

    BigDecimal newAmount() {
        return newAmount;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    String decidedBy() {
        return decidedBy;
    }

    Instant noticeAt() {
        return noticeAt;
    }

    boolean isOpen() {
        return openEnrolmentId != null;
    }
}
