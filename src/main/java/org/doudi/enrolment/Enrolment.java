package org.doudi.enrolment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.doudi.cases.ApprovedBenefit;
import org.doudi.cases.CaseApproved;
import org.doudi.cases.Programme;
import org.doudi.household.Household;
import org.doudi.household.HouseholdMember;
import org.doudi.region.CountyPolicy;
import org.doudi.region.EnrolmentRules;

/**
 * An enrolled household or person (保障对象): who is covered, what is paid from which month, where it stands.
 * Created from an approved case ({@link CaseApproved}); it changes only through the verbs below, each of which
 * checks the current status ({@link EnrolmentStatus}) and throws a named {@link EnrolmentStateException} otherwise.
 * The number is {@code BZ-<year benefits start>-<township>-<6-digit id>}, readable and unique like case numbers.
 */
@Entity
@Table(name = "enrolment")
public class Enrolment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enrolment_number")
    private String enrolmentNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Programme programme;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovedBenefit.Unit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrolmentStatus status;

    /** The approved case it came from (one enrolment per case). */
    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "household_id", nullable = false)
    private Long householdId;

    @Column(name = "village_code", nullable = false)
    private String villageCode;

    @Column(name = "township_code", nullable = false)
    private String townshipCode;

    @Column(name = "county_code", nullable = false)
    private String countyCode;

    /** Who is paid: the applicant. */
    @Column(name = "payee_name", nullable = false)
    private String payeeName;

    @Column(name = "payee_id_number", nullable = false)
    private String payeeIdNumber;

    /** The bank's reference of the account paid to; {@code null} until given. */
    @Column(name = "bank_account_ref")
    private String bankAccountRef;

    @Column(name = "household_size", nullable = false)
    private int householdSize;

    @Column(name = "covered_people", nullable = false)
    private int coveredPeople;

    /** The first day covered … */
    @Column(name = "since_date", nullable = false)
    private LocalDate sinceDate;

    /** … and its month, {@code yyyy-MM}. */
    @Column(name = "since_month", nullable = false)
    private String sinceMonth;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_class", nullable = false)
    private ReviewClass reviewClass;

    @Column(name = "next_review_due", nullable = false)
    private LocalDate nextReviewDue;

    @Column(name = "last_reviewed_on")
    private LocalDate lastReviewedOn;

    /** 渐退期: paid at {@code phaseOutShare} up to and including this month ({@code yyyy-MM}). */
    @Column(name = "phase_out_until")
    private String phaseOutUntil;

    @Column(name = "phase_out_share")
    private BigDecimal phaseOutShare;

    /** Not paid from this month on ({@code yyyy-MM}) while suspended. */
    @Column(name = "suspended_from")
    private String suspendedFrom;

    @Column(name = "last_paid_month")
    private String lastPaidMonth;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private EndReason endReason;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private String endedBy;

    /** For fraud or an unreported change: the month the change happened, and what was overpaid since. */
    @Column(name = "change_month")
    private String changeMonth;

    private BigDecimal overpaid;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "enrolment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<EnrolmentMember> members = new ArrayList<>();

    @OneToMany(mappedBy = "enrolment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("fromMonth")
    private List<EnrolmentAmount> amounts = new ArrayList<>();

    @OneToMany(mappedBy = "enrolment", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Coverage> coverage = new ArrayList<>();

    @OneToMany(mappedBy = "enrolment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("fromMonth, id")
    private List<EnrolmentPeriod> periods = new ArrayList<>();

    protected Enrolment() {
    }

    /**
     * The enrolment an approval starts: the household's members (covered as the approval says), the
     * applicant as payee, the review class and first review from the county's policy in force in the month
     * benefits start, and the first amount: BASE, the approved amount, and for 低保 the 分类施保 lines of the
     * covered members under that policy.
     *
     * @param since the first day covered ({@link #firstDayCovered})
     * @param policy the county's policy version in force in the month of {@code since}
     */
    static Enrolment enrol(CaseApproved approved, Household household, LocalDate since, CountyPolicy policy,
            Instant now) {
        if (approved.programme() == Programme.TEMPORARY) {
            throw new IllegalArgumentException("temporary assistance is granted, not enrolled");
        }
        Enrolment e = new Enrolment();
        e.programme = approved.programme();
        e.unit = approved.unit();
        e.status = EnrolmentStatus.ACTIVE;
        e.caseId = approved.caseId();
        e.householdId = approved.householdId();
        e.villageCode = approved.villageCode();
        e.townshipCode = approved.townshipCode();
        e.countyCode = approved.countyCode();
        HouseholdMember applicant = household.applicant();
        e.payeeName = applicant.name();
        e.payeeIdNumber = applicant.idNumber();
        e.householdSize = household.size();
        e.sinceDate = since;
        e.sinceMonth = YearMonth.from(since).toString();
        e.createdAt = now;

        Set<Integer> covered = new HashSet<>(approved.coveredPositions());
        for (HouseholdMember m : household.members()) {
            boolean isCovered = covered.remove(m.position());
            // 特困 is granted only to a person found unable to work (特困人员认定办法), whatever the presumption of
            // the application day said.
            boolean ableToWork = approved.unit() == ApprovedBenefit.Unit.PERSON && isCovered ? false : m.ableToWork();
            e.members.add(new EnrolmentMember(e, m, isCovered, ableToWork));
        }
        if (!covered.isEmpty()) {
            throw new IllegalArgumentException("case " + approved.caseNumber() + ": no members at positions " + covered);
        }
        e.coveredPeople = (int) e.members.stream().filter(EnrolmentMember::covered).count();
        e.members.stream().filter(EnrolmentMember::covered)
                .forEach(m -> e.coverage.add(new Coverage(m.idNumber(), e.programme, e)));

        EnrolmentRules rules = policy.enrolmentRules();
        e.reviewClass = classify(e.members, e.unit, since, policy.allowances().elderlyAge());
        e.nextReviewDue = nextReviewDue(YearMonth.from(since), e.reviewClass, rules);
        List<EnrolmentAmountLine.Line> lines = ClassifiedAllowances.lines(e.programme, approved.monthlyAmount(),
                e.members, since, policy);
        e.amounts.add(new EnrolmentAmount(e, YearMonth.from(since), lines, EnrolmentAmount.Reason.ENROLMENT,
                "审核确认批准（案件 " + approved.caseNumber() + "）", approved.approvedBy(), approved.approvedAt()));
        return e;
    }

    /**
     * The first day benefits cover: the first of the month after the approval; where the county pays the
     * approval's own month in proportion to its days left, the day after the approval.
     */
    static LocalDate firstDayCovered(LocalDate approvedOn, boolean prorateFirstMonth) {
        return prorateFirstMonth ? approvedOn.plusDays(1) : approvedOn.withDayOfMonth(1).plusMonths(1);
    }

    /**
     * 基本稳定 ({@link ReviewClass#STABLE}) when every covered member is elderly by the county's age, severely
     * disabled (grade 1–2) or seriously ill on the day, and no member counted (the household's; for 特困 the
     * person) is able to work; {@link ReviewClass#CHANGING} otherwise.
     */
    static ReviewClass classify(List<EnrolmentMember> members, ApprovedBenefit.Unit unit, LocalDate on,
            int elderlyAge) {
        boolean coveredNeedNoWork = members.stream().filter(EnrolmentMember::covered)
                .allMatch(m -> m.ageOn(on) >= elderlyAge || m.severelyDisabled() || m.seriousIllness());
        boolean anyAbleToWork = members.stream()
                .filter(m -> unit != ApprovedBenefit.Unit.PERSON || m.covered())
                .anyMatch(EnrolmentMember::ableToWork);
        return coveredNeedNoWork && !anyAbleToWork ? ReviewClass.STABLE : ReviewClass.CHANGING;
    }

    /** The first day of the month the class's interval after {@code from}. */
    static LocalDate nextReviewDue(YearMonth from, ReviewClass reviewClass, EnrolmentRules rules) {
        int months = reviewClass == ReviewClass.STABLE ? rules.reviewMonthsStable() : rules.reviewMonthsChanging();
        return from.plusMonths(months).atDay(1);
    }

    /** Gives the enrolment its number once the database has given it an id. */
    void assignNumber() {
        if (enrolmentNumber != null) {
            throw new IllegalStateException("enrolment " + enrolmentNumber + " already has a number");
        }
        this.enrolmentNumber = "BZ-%d-%s-%06d".formatted(sinceDate.getYear(), townshipCode, id);
    }

    // --- verbs -----------------------------------------------------------------------------------

    /** 复核 starts (scheduled, after a reported change, in a campaign): paid meanwhile. */
    public void startReview() {
        require(EnumSet.of(EnrolmentStatus.ACTIVE, EnrolmentStatus.PHASING_OUT, EnrolmentStatus.SUSPENDED),
                "开始复核", "start a review");
        this.status = EnrolmentStatus.UNDER_REVIEW;
    }

    /**
     * The review finds the household still eligible at the same amount: paid on as before from the month after the
     * review (a gradual exit or a suspension that led to the review ends with the review's month), classified again,
     * next review due on the given day.
     */
    public void continueAfterReview(LocalDate reviewedOn, ReviewClass newClass, LocalDate nextDue) {
        require(EnumSet.of(EnrolmentStatus.UNDER_REVIEW), "按原标准继续保障", "continue after a review");
        reviewed(reviewedOn, newClass, nextDue);
        this.status = EnrolmentStatus.ACTIVE;
    }

    /**
     * The review finds the household eligible at another amount: the new amount, the sum of its lines, from a month
     * after the latest amount's (the month after the decision); otherwise as {@link #continueAfterReview}.
     */
    public void adjustAfterReview(List<EnrolmentAmountLine.Line> lines, YearMonth fromMonth, String note,
            String decidedBy, Instant decidedAt, LocalDate reviewedOn, ReviewClass newClass, LocalDate nextDue) {
        require(EnumSet.of(EnrolmentStatus.UNDER_REVIEW), "调整保障金", "adjust the amount after a review");
        requireAfterLatestAmount(fromMonth);
        reviewed(reviewedOn, newClass, nextDue);
        amounts.add(new EnrolmentAmount(this, fromMonth, lines, EnrolmentAmount.Reason.ADJUSTMENT, note, decidedBy,
                decidedAt));
        this.status = EnrolmentStatus.ACTIVE;
    }

    /**
     * 调整保障金 outside a review (e.g. a new standard): a new amount, the sum of its lines, from a month after the
     * latest amount's.
     */
    public void adjust(List<EnrolmentAmountLine.Line> lines, YearMonth fromMonth, String note, String decidedBy,
            Instant decidedAt) {
        require(EnumSet.of(EnrolmentStatus.ACTIVE), "调整保障金", "adjust the amount");
        requireAfterLatestAmount(fromMonth);
        amounts.add(new EnrolmentAmount(this, fromMonth, lines, EnrolmentAmount.Reason.ADJUSTMENT, note, decidedBy,
                decidedAt));
    }

    private void requireAfterLatestAmount(YearMonth fromMonth) {
        YearMonth latest = currentAmount().fromMonth();
        if (!fromMonth.isAfter(latest)) {
            throw new EnrolmentStateException(enrolmentNumber, status, "调整 " + fromMonth + " 起的保障金：新金额须从 "
                    + latest + " 之后的月份起执行", "adjust from " + fromMonth + ": an amount is in force from " + latest);
        }
    }

    /**
     * 渐退期: the review found income above the line and the county grants gradual exit: paid at the share of the
     * amount from {@code fromMonth} up to and including {@code untilMonth}, then ended by itself
     * ({@link #endPhaseOut}). A suspension the review found is over with the month before.
     */
    public void phaseOut(YearMonth fromMonth, YearMonth untilMonth, BigDecimal share, LocalDate reviewedOn) {
        require(EnumSet.of(EnrolmentStatus.UNDER_REVIEW), "进入渐退期", "phase out");
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a gradual exit pays a share above 0 and at most 1");
        }
        if (fromMonth == null || untilMonth == null || untilMonth.isBefore(fromMonth)
                || untilMonth.isBefore(sinceMonth())) {
            throw new IllegalArgumentException("a gradual exit runs from a month to a later one");
        }
        closePeriods(EnrolmentPeriod.Kind.PHASE_OUT, fromMonth.minusMonths(1));
        closePeriods(EnrolmentPeriod.Kind.SUSPENSION, fromMonth.minusMonths(1));
        periods.add(new EnrolmentPeriod(this, EnrolmentPeriod.Kind.PHASE_OUT, fromMonth, untilMonth, share));
        this.lastReviewedOn = reviewedOn;
        // No scheduled review falls inside the period: it ends the enrolment the day after.
        this.nextReviewDue = untilMonth.plusMonths(1).atDay(1);
        this.phaseOutUntil = untilMonth.toString();
        this.phaseOutShare = share;
        this.suspendedFrom = null;
        this.status = EnrolmentStatus.PHASING_OUT;
    }

    /**
     * The gradual exit ran out: ended by itself ({@link EndReason#PHASE_OUT_ENDED}), its last month paid the last
     * of the period. Only once the period is over ({@code currentMonth} after it).
     */
    public void endPhaseOut(YearMonth currentMonth, Instant at, String by) {
        require(EnumSet.of(EnrolmentStatus.PHASING_OUT), "渐退期满停止保障", "end a gradual exit");
        YearMonth until = phaseOutUntil();
        if (!currentMonth.isAfter(until)) {
            throw new EnrolmentStateException(enrolmentNumber, status, "渐退期至 " + until + " 止，尚未期满",
                    "the gradual exit runs until " + until);
        }
        end(EndReason.PHASE_OUT_ENDED, until, at, by, null, null);
    }

    /** 暂停发放 from a month on, until resumed or ended (e.g. while the household cannot be reached). */
    public void suspend(YearMonth fromMonth) {
        require(EnumSet.of(EnrolmentStatus.ACTIVE, EnrolmentStatus.UNDER_REVIEW, EnrolmentStatus.PHASING_OUT),
                "暂停发放", "suspend");
        closePeriods(EnrolmentPeriod.Kind.SUSPENSION, fromMonth.minusMonths(1));
        periods.add(new EnrolmentPeriod(this, EnrolmentPeriod.Kind.SUSPENSION, fromMonth, null, null));
        this.suspendedFrom = fromMonth.toString();
        this.status = EnrolmentStatus.SUSPENDED;
    }

    /**
     * The review decides to suspend: as {@link #suspend}, and the review is recorded (a suspended household is
     * reviewed again when the next review falls due, or resumed).
     */
    public void suspendAfterReview(YearMonth fromMonth, LocalDate reviewedOn, LocalDate nextDue) {
        require(EnumSet.of(EnrolmentStatus.UNDER_REVIEW), "暂停发放", "suspend after a review");
        suspend(fromMonth);
        this.lastReviewedOn = reviewedOn;
        this.nextReviewDue = nextDue;
    }

    /** 恢复发放 from a month on: paid again; back in its gradual exit if one was running. */
    public void resume(YearMonth fromMonth) {
        require(EnumSet.of(EnrolmentStatus.SUSPENDED), "恢复发放", "resume");
        closePeriods(EnrolmentPeriod.Kind.SUSPENSION, fromMonth.minusMonths(1));
        this.suspendedFrom = null;
        this.status = phaseOutUntil != null ? EnrolmentStatus.PHASING_OUT : EnrolmentStatus.ACTIVE;
    }

    /**
     * 停止保障: the last month paid and why; for fraud or an unreported change, the month of the change and
     * what was overpaid since (to recover). Its people are no longer covered: they may apply again.
     */
    public void end(EndReason reason, YearMonth lastPaid, Instant at, String by, YearMonth changedIn,
            BigDecimal overpaidSince) {
        require(EnumSet.complementOf(EnumSet.of(EnrolmentStatus.ENDED)), "停止保障", "end");
        if (reason == null || at == null || by == null) {
            throw new IllegalArgumentException("an end has its reason, moment and actor");
        }
        if (overpaidSince != null && overpaidSince.signum() < 0) {
            throw new IllegalArgumentException("an overpayment is not negative");
        }
        this.endReason = reason;
        this.lastPaidMonth = lastPaid == null ? null : lastPaid.toString();
        this.endedAt = at;
        this.endedBy = by;
        this.changeMonth = changedIn == null ? null : changedIn.toString();
        this.overpaid = overpaidSince;
        this.status = EnrolmentStatus.ENDED;
        this.coverage.clear();
    }

    /**
     * A review is over: a gradual exit and a suspension end with the review's month (paid in full from the next),
     * the class and the next review as decided.
     */
    private void reviewed(LocalDate on, ReviewClass newClass, LocalDate nextDue) {
        if (on == null || newClass == null || nextDue == null || !nextDue.isAfter(on)) {
            throw new IllegalArgumentException("a review has its day, class and a later next review");
        }
        YearMonth month = YearMonth.from(on);
        closePeriods(EnrolmentPeriod.Kind.PHASE_OUT, month);
        closePeriods(EnrolmentPeriod.Kind.SUSPENSION, month);
        this.lastReviewedOn = on;
        this.reviewClass = newClass;
        this.nextReviewDue = nextDue;
        this.phaseOutUntil = null;
        this.phaseOutShare = null;
        this.suspendedFrom = null;
    }

    /** Ends the periods of a kind that reach past {@code lastMonth} with it; drops those not started by then. */
    private void closePeriods(EnrolmentPeriod.Kind kind, YearMonth lastMonth) {
        periods.removeIf(p -> p.kind() == kind && !p.closeAfter(lastMonth));
    }

    private void require(Set<EnrolmentStatus> allowed, String chinese, String english) {
        if (!allowed.contains(status)) {
            throw new EnrolmentStateException(enrolmentNumber, status, chinese, english);
        }
    }

    // --- reading ---------------------------------------------------------------------------------

    /** The amount in force in a month: the latest that starts in or before it, or the first if none yet. */
    public EnrolmentAmount amountIn(YearMonth month) {
        EnrolmentAmount found = amounts.get(0);
        for (EnrolmentAmount a : amounts) {
            if (!a.fromMonth().isAfter(month)) {
                found = a;
            }
        }
        return found;
    }

    /** The latest amount decided. */
    public EnrolmentAmount currentAmount() {
        return amounts.get(amounts.size() - 1);
    }

    public Long id() {
        return id;
    }

    public String enrolmentNumber() {
        return enrolmentNumber;
    }

    public Programme programme() {
        return programme;
    }

    public ApprovedBenefit.Unit unit() {
        return unit;
    }

    public EnrolmentStatus status() {
        return status;
    }

    public Long caseId() {
        return caseId;
    }

    public Long householdId() {
        return householdId;
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

    public String payeeName() {
        return payeeName;
    }

    public String payeeIdNumber() {
        return payeeIdNumber;
    }

    public String bankAccountRef() {
        return bankAccountRef;
    }

    public int householdSize() {
        return householdSize;
    }

    public int coveredPeople() {
        return coveredPeople;
    }

    public LocalDate sinceDate() {
        return sinceDate;
    }

    public YearMonth sinceMonth() {
        return YearMonth.parse(sinceMonth);
    }

    public ReviewClass reviewClass() {
        return reviewClass;
    }

    public LocalDate nextReviewDue() {
        return nextReviewDue;
    }

    public LocalDate lastReviewedOn() {
        return lastReviewedOn;
    }

    public YearMonth phaseOutUntil() {
        return phaseOutUntil == null ? null : YearMonth.parse(phaseOutUntil);
    }

    public BigDecimal phaseOutShare() {
        return phaseOutShare;
    }

    public YearMonth suspendedFrom() {
        return suspendedFrom == null ? null : YearMonth.parse(suspendedFrom);
    }

    public YearMonth lastPaidMonth() {
        return lastPaidMonth == null ? null : YearMonth.parse(lastPaidMonth);
    }

    public EndReason endReason() {
        return endReason;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endedBy() {
        return endedBy;
    }

    public YearMonth changeMonth() {
        return changeMonth == null ? null : YearMonth.parse(changeMonth);
    }

    public BigDecimal overpaid() {
        return overpaid;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<EnrolmentMember> members() {
        return Collections.unmodifiableList(members);
    }

    /** The amount history, oldest first. */
    public List<EnrolmentAmount> amounts() {
        return Collections.unmodifiableList(amounts);
    }

    /** The resident IDs the enrolment covers now: none once it ended. */
    /**
     * The share of its amount the enrolment is paid in a month by its periods: 0 while suspended, the gradual
     * exit's share during one, else 1 (what the payment roll's SQL computes, for reading one enrolment).
     */
    public BigDecimal shareIn(YearMonth month) {
        BigDecimal share = BigDecimal.ONE;
        for (EnrolmentPeriod p : periods) {
            if (!p.fromMonth().isAfter(month) && p.reaches(month)) {
                if (p.kind() == EnrolmentPeriod.Kind.SUSPENSION) {
                    return BigDecimal.ZERO;
                }
                share = p.share();
            }
        }
        return share;
    }

    public List<String> coveredIdNumbers() {
        return coverage.stream().map(Coverage::idNumber).toList();
    }
}
