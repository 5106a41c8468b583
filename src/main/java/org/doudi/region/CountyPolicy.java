package org.doudi.region;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import org.doudi.household.CareLevel;
import org.doudi.household.WorkingAge;
import org.doudi.shared.FieldViolation;

import org.springframework.data.domain.Persistable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * The local rules of one county (地方标准) from one month on: what the national rules leave to provinces,
 * cities and counties. Amounts in 元 per person per month. A county has one version per month in which
 * its numbers changed; the version in force in a month is the latest that starts in or before it
 * ({@link RegionService#policyOf(String, YearMonth)}). Versions are never changed once stored, so what a
 * past decision was based on stays readable.
 * <p>
 * A column added to {@code county_policy} belongs to every version: copy it in
 * {@link #CountyPolicy(String, YearMonth, PolicyValues, String, Instant)} and {@link #values()} too.
 */
@Entity
@Table(name = "county_policy")
@IdClass(CountyPolicy.Key.class)
public class CountyPolicy implements Persistable<CountyPolicy.Key> {

    /** The month from which the policies that existed before versions are in force. */
    public static final YearMonth SINCE_ALWAYS = YearMonth.of(2020, 1);

    @Id
    @Column(name = "county_code")
    private String countyCode;

    /** The first day of the month from which this version is in force (China Standard Time). */
    @Id
    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    /** 低保标准: the minimum living standard, per person per month. */
    @Column(name = "dibao_standard", nullable = false)
    private BigDecimal dibaoStandard;

    /** 特困人员基本生活标准, per month. */
    @Column(name = "tekun_basic_standard", nullable = false)
    private BigDecimal tekunBasicStandard;

    /** 特困人员照料护理标准 for each care level, per month. */
    @Column(name = "tekun_care_self", nullable = false)
    private BigDecimal tekunCareSelf;

    @Column(name = "tekun_care_partial", nullable = false)
    private BigDecimal tekunCarePartial;

    @Column(name = "tekun_care_full", nullable = false)
    private BigDecimal tekunCareFull;

    /** 低保边缘家庭: per-capita income under this multiple of the standard (单人户 rule), e.g. 1.5. */
    @Column(name = "single_person_factor", nullable = false)
    private BigDecimal singlePersonFactor;

    /** 审批权限下放: 低保 decisions are made by the townships and spot-checked by the county. */
    @Column(name = "approval_delegated", nullable = false)
    private boolean approvalDelegated;

    /** Share of cases the county spot-checks (抽查), at least 0.30. */
    @Column(name = "spot_check_rate", nullable = false)
    private BigDecimal spotCheckRate;

    /** 临时救助: what a township may grant on its own per case, as a fixed amount … */
    @Column(name = "township_cap")
    private BigDecimal townshipCap;

    /** … or as a multiple of the monthly 低保标准 (used when no fixed amount is set). */
    @Column(name = "township_cap_multiple")
    private BigDecimal townshipCapMultiple;

    /** How many temporary grants one household may receive for one cause in a calendar year (any of its people). */
    @Column(name = "grants_per_cause_per_year", nullable = false)
    private int grantsPerCausePerYear = 1;

    /** 支出型: the per-capita monthly disposable-income line a household must be under. */
    @Column(name = "disposable_income_line")
    private BigDecimal disposableIncomeLine;

    /** Referral: per-capita monthly income under which a refused household goes to the poverty office. */
    @Column(name = "poverty_line")
    private BigDecimal povertyLine;

    /** Days after a temporary grant when the township checks whether the family is still in difficulty. */
    @Column(name = "follow_up_days", nullable = false)
    private int followUpDays = 90;

    /** What monthly amounts are rounded to (分, 角, 元) … */
    @Enumerated(EnumType.STRING)
    @Column(name = "amount_rounding", nullable = false)
    private AmountRule.Unit amountRounding = AmountRule.Unit.FEN;

    /** … and how. */
    @Enumerated(EnumType.STRING)
    @Column(name = "rounding_mode", nullable = false)
    private AmountRule.Mode roundingMode = AmountRule.Mode.HALF_UP;

    /** The least monthly amount paid to a household that qualifies, or none. */
    @Column(name = "minimum_monthly_amount")
    private BigDecimal minimumMonthlyAmount;

    /** 民主评议 required before a township's approving opinion on a 低保 or 特困 case. */
    @Column(name = "appraisal_required", nullable = false)
    private boolean appraisalRequired;

    /** 劳动年龄: a member is presumed able to work from this birthday on … */
    @Column(name = "working_age_from", nullable = false)
    private int workingAgeFrom = WorkingAge.DEFAULT.from();

    /** … until the day before this birthday (disability and schooling aside). */
    @Column(name = "working_age_until", nullable = false)
    private int workingAgeUntil = WorkingAge.DEFAULT.until();

    /** … for women, where the county sets a different end; {@code null}: the same as everyone's. */
    @Column(name = "working_age_until_female")
    private Integer workingAgeUntilFemale;

    /** 复核 of a stable household every so many months … */
    @Column(name = "review_months_stable", nullable = false)
    private int reviewMonthsStable = EnrolmentRules.DEFAULT.reviewMonthsStable();

    /** … of the others (income that changes, members able to work). */
    @Column(name = "review_months_changing", nullable = false)
    private int reviewMonthsChanging = EnrolmentRules.DEFAULT.reviewMonthsChanging();

    /** 渐退期: months benefits continue once income rose above the line (at most 6) … */
    @Column(name = "phase_out_months", nullable = false)
    private int phaseOutMonths = EnrolmentRules.DEFAULT.phaseOutMonths();

    /** … at this share of the amount. */
    @Column(name = "phase_out_share", nullable = false)
    private BigDecimal phaseOutShare = EnrolmentRules.DEFAULT.phaseOutShare();

    /** Benefits from the day after the approval, its month in proportion; otherwise from the next month. */
    @Column(name = "prorate_first_month", nullable = false)
    private boolean prorateFirstMonth = EnrolmentRules.DEFAULT.prorateFirstMonth();

    /** The day of the month the draft payment roll is generated. */
    @Column(name = "payment_roll_day", nullable = false)
    private int paymentRollDay = EnrolmentRules.DEFAULT.paymentRollDay();

    /** 分类施保: a member is elderly from this birthday on … */
    @Column(name = "elderly_age", nullable = false)
    private int elderlyAge = Allowances.NONE.elderlyAge();

    /** … and his allowance: PERCENT of the 低保标准 or FIXED 元, or none. The same for the other categories. */
    @Enumerated(EnumType.STRING)
    @Column(name = "elderly_allowance_basis")
    private Allowances.Basis elderlyAllowanceBasis;

    @Column(name = "elderly_allowance")
    private BigDecimal elderlyAllowance;

    @Enumerated(EnumType.STRING)
    @Column(name = "minor_allowance_basis")
    private Allowances.Basis minorAllowanceBasis;

    @Column(name = "minor_allowance")
    private BigDecimal minorAllowance;

    @Enumerated(EnumType.STRING)
    @Column(name = "severe_disability_allowance_basis")
    private Allowances.Basis severeDisabilityAllowanceBasis;

    @Column(name = "severe_disability_allowance")
    private BigDecimal severeDisabilityAllowance;

    @Enumerated(EnumType.STRING)
    @Column(name = "serious_illness_allowance_basis")
    private Allowances.Basis seriousIllnessAllowanceBasis;

    @Column(name = "serious_illness_allowance")
    private BigDecimal seriousIllnessAllowance;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    /**
     * A version is inserted, never merged: saving a second version for the same county and month fails on
     * the primary key instead of overwriting the first.
     */
    @Transient
    private boolean stored;

    protected CountyPolicy() {
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    @Override
    public Key getId() {
        return countyCode == null ? null : new Key(countyCode, YearMonth.from(effectiveFrom));
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    public CountyPolicy(String countyCode, BigDecimal dibaoStandard, BigDecimal tekunBasicStandard,
            BigDecimal tekunCareSelf, BigDecimal tekunCarePartial, BigDecimal tekunCareFull,
            BigDecimal singlePersonFactor, boolean approvalDelegated, BigDecimal spotCheckRate) {
        if (RegionLevel.ofCode(countyCode) != RegionLevel.COUNTY) {
            throw new IllegalArgumentException("not a county code: " + countyCode);
        }
        if (spotCheckRate.compareTo(PolicyValues.MINIMUM_SPOT_CHECK_RATE) < 0 || spotCheckRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the spot-check rate must lie between 0.30 and 1");
        }
        this.countyCode = countyCode;
        this.effectiveFrom = SINCE_ALWAYS.atDay(1);
        this.dibaoStandard = dibaoStandard;
        this.tekunBasicStandard = tekunBasicStandard;
        this.tekunCareSelf = tekunCareSelf;
        this.tekunCarePartial = tekunCarePartial;
        this.tekunCareFull = tekunCareFull;
        this.singlePersonFactor = singlePersonFactor;
        this.approvalDelegated = approvalDelegated;
        this.spotCheckRate = spotCheckRate;
    }

    /**
     * A version of a county's policy in force from a month on, with values that pass
     * {@link PolicyValues#problems()}.
     */
    public CountyPolicy(String countyCode, YearMonth effectiveFrom, PolicyValues values, String createdBy,
            Instant createdAt) {
        if (RegionLevel.ofCode(countyCode) != RegionLevel.COUNTY) {
            throw new IllegalArgumentException("not a county code: " + countyCode);
        }
        List<FieldViolation> problems = values.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("county policy outside its bounds: " + problems);
        }
        this.countyCode = countyCode;
        this.effectiveFrom = effectiveFrom.atDay(1);
        this.dibaoStandard = values.dibaoStandard();
        this.tekunBasicStandard = values.tekunBasicStandard();
        this.tekunCareSelf = values.tekunCareSelf();
        this.tekunCarePartial = values.tekunCarePartial();
        this.tekunCareFull = values.tekunCareFull();
        this.singlePersonFactor = values.singlePersonFactor();
        this.approvalDelegated = values.approvalDelegated();
        this.spotCheckRate = values.spotCheckRate();
        this.townshipCap = values.townshipCap();
        this.townshipCapMultiple = values.townshipCapMultiple();
        this.grantsPerCausePerYear = values.grantsPerCausePerYear();
        this.disposableIncomeLine = values.disposableIncomeLine();
        this.povertyLine = values.povertyLine();
        this.followUpDays = values.followUpDays();
        this.amountRounding = values.amountRule().unit();
        this.roundingMode = values.amountRule().mode();
        this.minimumMonthlyAmount = values.amountRule().minimum();
        this.appraisalRequired = values.appraisalRequired();
        this.workingAgeFrom = values.workingAgeFrom();
        this.workingAgeUntil = values.workingAgeUntil();
        this.workingAgeUntilFemale = values.workingAgeUntilFemale();
        withEnrolmentRules(values.enrolmentRules());
        withAllowances(values.allowances());
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** This version's numbers, e.g. as the base of the next version. */
    public PolicyValues values() {
        return new PolicyValues(dibaoStandard, tekunBasicStandard, tekunCareSelf, tekunCarePartial, tekunCareFull,
                singlePersonFactor, approvalDelegated, spotCheckRate, townshipCap, townshipCapMultiple,
                grantsPerCausePerYear, disposableIncomeLine, povertyLine, followUpDays, amountRule(),
                appraisalRequired, workingAgeFrom, workingAgeUntil, workingAgeUntilFemale, enrolmentRules(),
                allowances());
    }

    /** The numbers for enrolled households in this version: reviews, gradual exit, first month, payment roll. */
    public EnrolmentRules enrolmentRules() {
        return new EnrolmentRules(reviewMonthsStable, reviewMonthsChanging, phaseOutMonths, phaseOutShare,
                prorateFirstMonth, paymentRollDay);
    }

    /** 分类施保 in this version. */
    public Allowances allowances() {
        return new Allowances(elderlyAge, Allowances.Allowance.of(elderlyAllowanceBasis, elderlyAllowance),
                Allowances.Allowance.of(minorAllowanceBasis, minorAllowance),
                Allowances.Allowance.of(severeDisabilityAllowanceBasis, severeDisabilityAllowance),
                Allowances.Allowance.of(seriousIllnessAllowanceBasis, seriousIllnessAllowance));
    }

    /** Sets the numbers for enrolled households (while building a version, before it is stored). */
    public CountyPolicy withEnrolmentRules(EnrolmentRules rules) {
        this.reviewMonthsStable = rules.reviewMonthsStable();
        this.reviewMonthsChanging = rules.reviewMonthsChanging();
        this.phaseOutMonths = rules.phaseOutMonths();
        this.phaseOutShare = rules.phaseOutShare();
        this.prorateFirstMonth = rules.prorateFirstMonth();
        this.paymentRollDay = rules.paymentRollDay();
        return this;
    }

    /** Sets 分类施保 (while building a version, before it is stored). */
    public CountyPolicy withAllowances(Allowances allowances) {
        this.elderlyAge = allowances.elderlyAge();
        this.elderlyAllowanceBasis = basis(allowances.elderly());
        this.elderlyAllowance = value(allowances.elderly());
        this.minorAllowanceBasis = basis(allowances.minor());
        this.minorAllowance = value(allowances.minor());
        this.severeDisabilityAllowanceBasis = basis(allowances.severeDisability());
        this.severeDisabilityAllowance = value(allowances.severeDisability());
        this.seriousIllnessAllowanceBasis = basis(allowances.seriousIllness());
        this.seriousIllnessAllowance = value(allowances.seriousIllness());
        return this;
    }

    private static Allowances.Basis basis(Allowances.Allowance a) {
        return a == null ? null : a.basis();
    }

    private static BigDecimal value(Allowances.Allowance a) {
        return a == null ? null : a.value();
    }

    /** The county's working age in this version, for the general presumption of ability to work. */
    public WorkingAge workingAge() {
        return new WorkingAge(workingAgeFrom, workingAgeUntil, workingAgeUntilFemale);
    }

    public String countyCode() {
        return countyCode;
    }

    /** The month from which this version is in force. */
    public YearMonth effectiveFrom() {
        return YearMonth.from(effectiveFrom);
    }

    /** How the county rounds a monthly amount, and its minimum payment. */
    public AmountRule amountRule() {
        return new AmountRule(amountRounding, roundingMode, minimumMonthlyAmount);
    }

    /** Sets how monthly amounts are rounded (while building a version, before it is stored). */
    public CountyPolicy withAmountRule(AmountRule rule) {
        this.amountRounding = rule.unit();
        this.roundingMode = rule.mode();
        this.minimumMonthlyAmount = rule.minimum();
        return this;
    }

    /** Who added this version ({@code null} for the policies that were there before versions). */
    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public BigDecimal dibaoStandard() {
        return dibaoStandard;
    }

    public BigDecimal tekunBasicStandard() {
        return tekunBasicStandard;
    }

    /** The monthly care allowance for a 特困 care level. */
    public BigDecimal tekunCareAllowance(CareLevel level) {
        return switch (level) {
            case SELF_CARE -> tekunCareSelf;
            case PARTIAL -> tekunCarePartial;
            case FULL_LOSS -> tekunCareFull;
        };
    }

    public BigDecimal singlePersonFactor() {
        return singlePersonFactor;
    }

    public boolean approvalDelegated() {
        return approvalDelegated;
    }

    public BigDecimal spotCheckRate() {
        return spotCheckRate;
    }

    /** Whether the county requires 民主评议 before a township's approving opinion (低保, 特困). */
    public boolean appraisalRequired() {
        return appraisalRequired;
    }

    /** Sets the local rules of temporary assistance and referral. */
    public CountyPolicy withTemporaryAssistance(BigDecimal townshipCap, BigDecimal townshipCapMultiple,
            int grantsPerCausePerYear, BigDecimal disposableIncomeLine, BigDecimal povertyLine, int followUpDays) {
        if (grantsPerCausePerYear < 1 || followUpDays < 1) {
            throw new IllegalArgumentException("limits and periods must be positive");
        }
        this.townshipCap = townshipCap;
        this.townshipCapMultiple = townshipCapMultiple;
        this.grantsPerCausePerYear = grantsPerCausePerYear;
        this.disposableIncomeLine = disposableIncomeLine;
        this.povertyLine = povertyLine;
        this.followUpDays = followUpDays;
        return this;
    }

    /** The most a township may grant on its own per case; zero when the county has not set it. */
    public BigDecimal townshipCap() {
        if (townshipCap != null) {
            return townshipCap;
        }
        if (townshipCapMultiple != null) {
            return dibaoStandard.multiply(townshipCapMultiple).setScale(2, RoundingMode.HALF_UP);
        }
        return BigDecimal.ZERO.setScale(2);
    }

    public int grantsPerCausePerYear() {
        return grantsPerCausePerYear;
    }

    /**
     * The 支出型 line, or {@code null}: a county without one takes no 支出型 applications (its 低保 standard
     * is a different line and is never used instead).
     */
    public BigDecimal disposableIncomeLine() {
        return disposableIncomeLine;
    }

    /** The referral line; without one, 1.5 × the 低保 standard (低保边缘). */
    public BigDecimal povertyLine() {
        return povertyLine != null ? povertyLine : dibaoStandard.multiply(singlePersonFactor);
    }

    public int followUpDays() {
        return followUpDays;
    }

    /** The primary key: a county and the first day of the month its version starts. */
    public static class Key implements Serializable {
        private String countyCode;
        private LocalDate effectiveFrom;

        protected Key() {
        }

        public Key(String countyCode, YearMonth effectiveFrom) {
            this.countyCode = countyCode;
            this.effectiveFrom = effectiveFrom.atDay(1);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(countyCode, k.countyCode)
                    && Objects.equals(effectiveFrom, k.effectiveFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(countyCode, effectiveFrom);
        }
    }
}
