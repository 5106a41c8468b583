package org.doudi.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.doudi.cases.ApprovedBenefit;
import org.doudi.household.CareLevel;

/** The computed income figures of a case and what the eligibility rules made of them. */
@Entity
@Table(name = "income_assessment")
public class IncomeAssessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "home_visit_id", nullable = false)
    private Long homeVisitId;

    @Column(name = "counted_income", nullable = false)
    private BigDecimal countedIncome;

    @Column(name = "excluded_income", nullable = false)
    private BigDecimal excludedIncome;

    @Column(nullable = false)
    private BigDecimal deductions;

    @Column(name = "household_size", nullable = false)
    private int householdSize;

    @Column(name = "per_capita_income", nullable = false)
    private BigDecimal perCapitaIncome;

    /** The line compared against: 低保标准, or the 支出型 disposable-income line for temporary assistance. */
    @Column(nullable = false)
    private BigDecimal standard;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Eligibility outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "enrolment_unit", nullable = false)
    private EnrolmentUnit enrolmentUnit;

    @Column(name = "enrolled_persons", nullable = false)
    private int enrolledPersons;

    /** The monthly amount if approved; 0 when not eligible. */
    @Column(name = "proposed_amount", nullable = false)
    private BigDecimal proposedAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "care_level")
    private CareLevel careLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "support_mode")
    private SupportMode supportMode;

    @Column(name = "assessed_at", nullable = false)
    private Instant assessedAt;

    /** The exact monthly amount, before the county's rounding rule and minimum ({@code null} before V9). */
    @Column(name = "computed_amount")
    private BigDecimal computedAmount;

    /** The county's rule that turned it into the proposed amount, in Chinese. */
    @Column(name = "amount_rule")
    private String amountRule;

    /** The first day of the month from which the county policy version used was in force. */
    @Column(name = "policy_effective_from")
    private LocalDate policyEffectiveFrom;

    /** The income counted is the 特困 applicant's own, not a household's ({@code null} before V10: a household's). */
    @Column(name = "own_income")
    private Boolean ownIncome;

    /** Who the assessment would enrol: an {@link ApprovedBenefit.Unit}, or nobody. */
    public enum EnrolmentUnit { HOUSEHOLD, SINGLE_PERSON, PERSON, NONE }

    protected IncomeAssessment() {
    }

    IncomeAssessment(Long caseId, Long homeVisitId, IncomeCalculator.Computation c, BigDecimal standard,
            Eligibility outcome, EnrolmentUnit unit, int enrolledPersons, BigDecimal proposedAmount,
            CareLevel careLevel, SupportMode supportMode, Instant assessedAt) {
        this.caseId = caseId;
        this.homeVisitId = homeVisitId;
        this.countedIncome = c.countedIncome();
        this.excludedIncome = c.excludedIncome();
        this.deductions = c.deductions();
        this.householdSize = c.householdSize();
        this.perCapitaIncome = c.perCapitaIncome();
        this.ownIncome = c.ownIncome();
        this.standard = standard;
        this.outcome = outcome;
        this.enrolmentUnit = unit;
        this.enrolledPersons = enrolledPersons;
        this.proposedAmount = proposedAmount;
        this.careLevel = careLevel;
        this.supportMode = supportMode;
        this.assessedAt = assessedAt;
    }

    /** Records what the proposed amount was computed from: the exact amount, the rule, the policy version. */
    IncomeAssessment withAmountBasis(BigDecimal computedAmount, String amountRule, YearMonth policyEffectiveFrom) {
        this.computedAmount = computedAmount;
        this.amountRule = amountRule;
        this.policyEffectiveFrom = policyEffectiveFrom == null ? null : policyEffectiveFrom.atDay(1);
        return this;
    }

    public Long caseId() {
        return caseId;
    }

    public BigDecimal countedIncome() {
        return countedIncome;
    }

    public BigDecimal excludedIncome() {
        return excludedIncome;
    }

    public BigDecimal deductions() {
        return deductions;
    }

    public int householdSize() {
        return householdSize;
    }

    /** Per person of the household; for the applicant's own income (特困), that income. */
    public BigDecimal perCapitaIncome() {
        return perCapitaIncome;
    }

    /** Whether the income counted is the 特困 applicant's own. */
    public boolean ownIncome() {
        return Boolean.TRUE.equals(ownIncome);
    }

    public BigDecimal standard() {
        return standard;
    }

    public Eligibility outcome() {
        return outcome;
    }

    public EnrolmentUnit enrolmentUnit() {
        return enrolmentUnit;
    }

    public int enrolledPersons() {
        return enrolledPersons;
    }

    public BigDecimal proposedAmount() {
        return proposedAmount;
    }

    public CareLevel careLevel() {
        return careLevel;
    }

    public SupportMode supportMode() {
        return supportMode;
    }

    public Instant assessedAt() {
        return assessedAt;
    }

    public BigDecimal computedAmount() {
        return computedAmount;
    }

    public String amountRule() {
        return amountRule;
    }

    /** The month from which the county policy version the assessment used was in force, or {@code null}. */
    public YearMonth policyEffectiveFrom() {
        return policyEffectiveFrom == null ? null : YearMonth.from(policyEffectiveFrom);
    }
}
