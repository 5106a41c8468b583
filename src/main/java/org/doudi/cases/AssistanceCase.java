package org.doudi.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.doudi.TimeConfig;
import org.doudi.household.Household;
import org.doudi.household.HouseholdMember;
import org.doudi.region.Region;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An application for assistance (案件) from submission to its final decision. Its status changes
 * only through the verbs below, each of which checks that the step follows from where the case stands.
 * A verb that other modules react to registers its domain event ({@link CaseApproved}), published when the
 * case is saved through its repository.
 */
@Entity
@Table(name = "assistance_case")
public class AssistanceCase extends AbstractAggregateRoot<AssistanceCase> {

    /** The number prefix of review cases (复核). */
    public static final String REVIEW_PREFIX = "FH";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Readable unique number, e.g. {@code DB-2026-130102100-000042}; the business key of its processes. */
    @Column(name = "case_number")
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Programme programme;

    /** {@code EMERGENCY} or {@code EXPENDITURE}, for temporary assistance only. */
    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    @Column(name = "village_code", nullable = false)
    private String villageCode;

    @Column(name = "township_code", nullable = false)
    private String townshipCode;

    @Column(name = "county_code", nullable = false)
    private String countyCode;

    @OneToOne(optional = false, fetch = FetchType.LAZY, cascade = CascadeType.PERSIST)
    @JoinColumn(name = "household_id")
    private Household household;

    @Column(name = "applicant_name", nullable = false)
    private String applicantName;

    @Column(name = "applicant_id_number", nullable = false)
    private String applicantIdNumber;

    @Column(name = "applicant_phone")
    private String applicantPhone;

    @Column(nullable = false)
    private String reason;

    /** Temporary assistance: the cause, for the yearly limit per person and cause. */
    @Enumerated(EnumType.STRING)
    private TemporaryCause cause;

    /** Temporary assistance: the 低保 case the follow-up started (跟进救助). */
    @Column(name = "linked_case_number")
    private String linkedCaseNumber;

    @Column(name = "requested_amount")
    private BigDecimal requestedAmount;

    /** Whether the decision lies with the township (审批权限下放), fixed when the case is submitted. */
    @Column(name = "approval_delegated", nullable = false)
    private boolean approvalDelegated;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    /** When the current public notice ends (公示期满); the timer of the process waits for it. */
    @Column(name = "notice_ends_at")
    private Instant noticeEndsAt;

    /** When the current public notice actually ended; cleared when a new notice starts. */
    @Column(name = "notice_ended_at")
    private Instant noticeEndedAt;

    /**
     * The approving decision (审核确认批准) that the enrolment or the county grant carries out, once it is
     * recorded and until the case leaves the decision stage: what those steps check, not the path that led
     * to them.
     */
    @Column(name = "approval_decision_id")
    private Long approvalDecisionId;

    @Column(name = "closed_at")
    private Instant closedAt;

    /**
     * Registered separately (近亲属备案): the applicant or a member is a near relative of a township
     * caseworker or village official; the county carries out the home visit.
     */
    @Column(name = "near_relative", nullable = false)
    private boolean nearRelative;

    /**
     * Why the whole procedure runs to its longer limit (45 working days for 低保): an objection during the
     * notice, or another special circumstance the township recorded; {@code null} while it runs normally.
     */
    @Column(name = "procedure_extended_reason")
    private String procedureExtendedReason;

    /** When the household investigation started (入户调查开始), the latest start if it was started again. */
    @Column(name = "investigation_started_at")
    private Instant investigationStartedAt;

    /** A review (复核) case: the number of the enrolment it reviews; {@code null} for an application. */
    @Column(name = "review_of")
    private String reviewOf;

    /** A review case: what started it ({@code SCHEDULED}, {@code CHANGE}, {@code CAMPAIGN}, {@code MONITORING}). */
    @Column(name = "review_trigger")
    private String reviewTrigger;

    @OneToMany(mappedBy = "assistanceCase", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<CaseParticipant> participants = new ArrayList<>();

    @Version
    private long version;

    protected AssistanceCase() {
    }

    public AssistanceCase(Programme programme, TemporaryKind kind, TemporaryCause cause, Region village,
            Household household, String applicantPhone, String reason, BigDecimal requestedAmount,
            boolean approvalDelegated, Instant now, String submittedBy) {
        if ((programme == Programme.TEMPORARY) != (kind != null)) {
            throw new IllegalArgumentException("temporary assistance, and only it, has a kind");
        }
        this.programme = programme;
        this.kind = kind == null ? null : kind.name();
        this.cause = programme == Programme.TEMPORARY ? (cause == null ? TemporaryCause.OTHER : cause) : null;
        this.status = CaseStatus.SUBMITTED;
        this.villageCode = village.code();
        this.townshipCode = village.townshipCode();
        this.countyCode = village.countyCode();
        this.household = household;
        HouseholdMember applicant = household.applicant();
        this.applicantName = applicant.name();
        this.applicantIdNumber = applicant.idNumber();
        this.applicantPhone = applicantPhone;
        this.reason = reason;
        this.requestedAmount = requestedAmount;
        this.approvalDelegated = approvalDelegated;
        this.submittedAt = now;
        this.submittedBy = submittedBy;
        for (HouseholdMember member : household.members()) {
            participants.add(new CaseParticipant(member.idNumber(), programme, this));
        }
    }

    /**
     * A review (复核) of an enrolment, as a case of its own so that the data verification and the home visit carry
     * it as they carry an application: the enrolment's household, programme and village, decided by the township
     * where the county delegates its decisions. Its participants are the people the enrolment covers (one open
     * case per person and programme: one review at a time). Numbered {@code FH-…}.
     */
    public static AssistanceCase forReview(String enrolmentNumber, String trigger, Programme programme,
            Region village, Household household, Collection<String> coveredIdNumbers, String reason,
            boolean approvalDelegated, Instant now, String startedBy) {
        if (programme == Programme.TEMPORARY) {
            throw new IllegalArgumentException("temporary assistance is not reviewed");
        }
        AssistanceCase c = new AssistanceCase();
        c.programme = programme;
        c.status = CaseStatus.SUBMITTED;
        c.villageCode = village.code();
        c.townshipCode = village.townshipCode();
        c.countyCode = village.countyCode();
        c.household = household;
        HouseholdMember applicant = household.applicant();
        c.applicantName = applicant.name();
        c.applicantIdNumber = applicant.idNumber();
        c.reason = reason;
        c.approvalDelegated = approvalDelegated;
        c.submittedAt = now;
        c.submittedBy = startedBy;
        c.reviewOf = enrolmentNumber;
        c.reviewTrigger = trigger;
        for (String idNumber : coveredIdNumbers) {
            c.participants.add(new CaseParticipant(idNumber, programme, c));
        }
        return c;
    }

    /** Gives the case its number once the database has given it an id. */
    void assignNumber() {
        if (caseNumber != null) {
            throw new IllegalStateException("case " + caseNumber + " already has a number");
        }
        int year = ZonedDateTime.ofInstant(submittedAt, TimeConfig.LEGAL_ZONE).getYear();
        this.caseNumber = "%s-%d-%s-%06d".formatted(isReview() ? REVIEW_PREFIX : programme.prefix(), year,
                townshipCode, id);
    }

    /**
     * Binds the case to the one process instance that carries it, as that instance starts: only a case
     * just submitted, and only once.
     */
    void linkProcess(String processInstanceId) {
        if (this.processInstanceId != null) {
            throw new CaseStateException(caseNumber, status, "start a second process");
        }
        require(EnumSet.of(CaseStatus.SUBMITTED), "start its process");
        this.processInstanceId = processInstanceId;
    }

    // --- verbs -----------------------------------------------------------------------------------

    /**
     * 受理: the township accepts the application; the investigation starts, or, for an emergency, the
     * township's decision on the grant.
     */
    public void accept(Instant at) {
        require(EnumSet.of(CaseStatus.SUBMITTED), "accept");
        this.status = isEmergency() ? CaseStatus.TOWNSHIP_REVIEW : CaseStatus.INVESTIGATION;
        this.acceptedAt = at;
    }

    /**
     * The whole procedure runs to its longer limit (特殊情况: an objection, residence elsewhere, a hard
     * investigation …). The first reason stays; later ones change nothing.
     *
     * @return whether the case was not extended before
     */
    public boolean extendProcedure(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an extension needs its reason");
        }
        if (procedureExtendedReason != null) {
            return false;
        }
        this.procedureExtendedReason = reason.length() > 300 ? reason.substring(0, 300) : reason;
        return true;
    }

    public boolean procedureExtended() {
        return procedureExtendedReason != null;
    }

    public String procedureExtendedReason() {
        return procedureExtendedReason;
    }

    /** 入户调查开始: the investigation of the household started (again, after an objection). */
    public void investigationStarted(Instant at) {
        this.investigationStartedAt = at;
    }

    public Instant investigationStartedAt() {
        return investigationStartedAt;
    }

    /** 不予受理: materials are missing; the applicant is told everything at once. */
    public void refuseAcceptance(Instant at) {
        require(EnumSet.of(CaseStatus.SUBMITTED), "refuse acceptance");
        close(CaseStatus.NOT_ACCEPTED, at);
    }

    /** Verification and home visit done: the township forms its opinion. */
    public void investigationCompleted() {
        require(EnumSet.of(CaseStatus.INVESTIGATION), "complete the investigation");
        this.status = CaseStatus.TOWNSHIP_REVIEW;
    }

    /** 公示: the township's favourable opinion is posted in the village until the given moment. */
    public void startPublicNotice(Instant endsAt) {
        require(EnumSet.of(CaseStatus.TOWNSHIP_REVIEW), "start the public notice");
        this.status = CaseStatus.PUBLIC_NOTICE;
        this.noticeEndsAt = endsAt;
        this.noticeEndedAt = null;
        this.approvalDecisionId = null;
    }

    /** 异议: someone objects during the notice. */
    public void objectionRaised() {
        require(EnumSet.of(CaseStatus.PUBLIC_NOTICE), "receive an objection");
        this.status = CaseStatus.OBJECTION_REVIEW;
    }

    /**
     * The objection is found groundless: the interrupted notice is withdrawn, the township gives its
     * opinion again and, in favour, posts a new full notice (the result of handling is published again).
     */
    public void objectionDismissed() {
        require(EnumSet.of(CaseStatus.OBJECTION_REVIEW), "dismiss an objection");
        this.status = CaseStatus.TOWNSHIP_REVIEW;
        this.noticeEndsAt = null;
    }

    /**
     * The objection is upheld: the notice is withdrawn and the case goes back to investigation
     * (verification and a new home visit), then to a new township opinion.
     */
    public void objectionUpheld() {
        require(EnumSet.of(CaseStatus.OBJECTION_REVIEW), "uphold an objection");
        this.status = CaseStatus.INVESTIGATION;
        this.noticeEndsAt = null;
    }

    /**
     * The notice ran its full period without an open objection: the file goes to the decision. Never
     * before {@link #noticeEndsAt()}, however the step was reached.
     */
    public void publicNoticeEnded(Instant at) {
        require(EnumSet.of(CaseStatus.PUBLIC_NOTICE), "end the public notice");
        if (noticeEndsAt == null || at.isBefore(noticeEndsAt)) {
            throw new CaseStateException(caseNumber, status, "end the public notice before " + noticeEndsAt);
        }
        this.status = CaseStatus.COUNTY_DECISION;
        this.noticeEndedAt = at;
    }

    /** The township forwards the file to the county (支出型 after its review, 急难型 above its cap). */
    public void forwardToCounty() {
        require(EnumSet.of(CaseStatus.TOWNSHIP_REVIEW), "forward to the county");
        this.status = CaseStatus.COUNTY_DECISION;
    }

    /**
     * Temporary assistance paid: an emergency grant leaves the paperwork to complete (补办手续); any
     * other grant closes the case.
     */
    public void granted(Instant at) {
        require(EnumSet.of(CaseStatus.TOWNSHIP_REVIEW, CaseStatus.COUNTY_DECISION), "grant");
        if (programme != Programme.TEMPORARY) {
            throw new CaseStateException(caseNumber, status, "grant: only temporary assistance is granted");
        }
        if (status == CaseStatus.COUNTY_DECISION && approvalDecisionId == null) {
            throw new CaseStateException(caseNumber, status, "grant without a recorded county approval");
        }
        // Carried out: the grant keeps which decision it paid.
        this.approvalDecisionId = null;
        if (isEmergency()) {
            this.status = CaseStatus.PAPERWORK;
        } else {
            close(CaseStatus.GRANTED, at);
        }
    }

    /** 补办手续 complete: the emergency case is closed as granted. */
    public void paperworkCompleted(Instant at) {
        require(EnumSet.of(CaseStatus.PAPERWORK), "complete the paperwork");
        close(CaseStatus.GRANTED, at);
    }

    /** 近亲属备案: from now on the county visits the household (declared at intake or found in the roster). */
    public void registerNearRelative() {
        this.nearRelative = true;
    }

    /**
     * The applicant objects, with evidence, to an ineligible verification result (核对结果异议): before
     * any opinion, the household is verified and visited again.
     */
    public void reverifyAfterObjection() {
        require(EnumSet.of(CaseStatus.TOWNSHIP_REVIEW), "verify again after an objection to the verification result");
        this.status = CaseStatus.INVESTIGATION;
    }

    /** Records the 低保 case that the follow-up of this temporary case started. */
    public void linkTo(String caseNumber) {
        this.linkedCaseNumber = caseNumber;
    }

    public boolean isEmergency() {
        return TemporaryKind.EMERGENCY.name().equals(kind);
    }

    /** The deciding level sends the file back to the township. */
    public void returnToTownship() {
        require(EnumSet.of(CaseStatus.COUNTY_DECISION), "return to the township");
        this.status = CaseStatus.TOWNSHIP_REVIEW;
        this.noticeEndedAt = null;
        this.approvalDecisionId = null;
    }

    /**
     * 审核确认批准 recorded: the decision the enrolment (or, for temporary assistance, the county grant) will
     * carry out. For 低保 and 特困 only after the public notice has ended, and only once.
     */
    public void approvalDecided(CaseDecision approval) {
        require(EnumSet.of(CaseStatus.COUNTY_DECISION), "record an approval");
        if (approvalDecisionId != null) {
            throw new CaseStateException(caseNumber, status, "record a second approval");
        }
        if (programme != Programme.TEMPORARY
                && (noticeEndedAt == null || approval.decidedAt().isBefore(noticeEndedAt))) {
            throw new CaseStateException(caseNumber, status, "approve before the public notice ended");
        }
        this.approvalDecisionId = approval.id();
    }

    /** Whether an approval is recorded and waits to be carried out. */
    public boolean approvalPending() {
        return approvalDecisionId != null && status == CaseStatus.COUNTY_DECISION;
    }

    /**
     * 批准: the recorded approval is carried out with the benefit it granted, on the decision of
     * {@code approvedBy}; registers {@link CaseApproved}, from which the enrolment follows.
     */
    public void approve(Instant at, ApprovedBenefit benefit, String approvedBy) {
        require(EnumSet.of(CaseStatus.COUNTY_DECISION), "approve");
        if (programme == Programme.TEMPORARY) {
            throw new CaseStateException(caseNumber, status, "enrol: temporary assistance is granted, not enrolled");
        }
        if (approvalDecisionId == null || noticeEndedAt == null) {
            throw new CaseStateException(caseNumber, status, "enrol without an approval after the public notice");
        }
        close(CaseStatus.APPROVED, at);
        registerEvent(CaseApproved.of(this, benefit, approvedBy));
    }

    /** 复核决定: the review case is decided (what it decides is the enrolment's) and closed. */
    public void reviewDecided(Instant at) {
        require(EnumSet.of(CaseStatus.COUNTY_DECISION), "decide a review");
        if (!isReview()) {
            throw new CaseStateException(caseNumber, status, "decide a review: the case is an application");
        }
        close(CaseStatus.REVIEWED, at);
    }

    /** Whether the case is a review (复核) of an enrolment. */
    public boolean isReview() {
        return reviewOf != null;
    }

    /** The enrolment a review case reviews, {@code null} for an application. */
    public String reviewOf() {
        return reviewOf;
    }

    public String reviewTrigger() {
        return reviewTrigger;
    }

    /** 不予批准: refused by the township's opinion or by the decision. */
    public void reject(Instant at) {
        require(EnumSet.of(CaseStatus.TOWNSHIP_REVIEW, CaseStatus.COUNTY_DECISION), "reject");
        close(CaseStatus.REJECTED, at);
    }

    private void close(CaseStatus terminal, Instant at) {
        this.status = terminal;
        this.closedAt = at;
        this.participants.clear();
    }

    private void require(Set<CaseStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new CaseStateException(caseNumber, status, action);
        }
    }

    // --- reading ---------------------------------------------------------------------------------

    public Long id() {
        return id;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public Programme programme() {
        return programme;
    }

    public String kind() {
        return kind;
    }

    public CaseStatus status() {
        return status;
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

    public Household household() {
        return household;
    }

    public String applicantName() {
        return applicantName;
    }

    public String applicantIdNumber() {
        return applicantIdNumber;
    }

    public String applicantPhone() {
        return applicantPhone;
    }

    public String reason() {
        return reason;
    }

    public TemporaryCause cause() {
        return cause;
    }

    public String linkedCaseNumber() {
        return linkedCaseNumber;
    }

    public BigDecimal requestedAmount() {
        return requestedAmount;
    }

    public boolean approvalDelegated() {
        return approvalDelegated;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant noticeEndsAt() {
        return noticeEndsAt;
    }

    public Instant noticeEndedAt() {
        return noticeEndedAt;
    }

    public Long approvalDecisionId() {
        return approvalDecisionId;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public boolean nearRelative() {
        return nearRelative;
    }
}
