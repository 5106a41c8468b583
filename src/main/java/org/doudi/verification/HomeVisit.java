package org.doudi.verification;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The findings of a home visit (入户调查): the household's monthly income by kind, deductions, the asset
 * test and, for 特困, the support and self-care assessment. A later visit supersedes an earlier one.
 */
@Entity
@Table(name = "home_visit")
class HomeVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "wage_income", nullable = false)
    private BigDecimal wageIncome;

    @Column(name = "employment_cost", nullable = false)
    private BigDecimal employmentCost;

    @Column(name = "business_income", nullable = false)
    private BigDecimal businessIncome;

    @Column(name = "property_income", nullable = false)
    private BigDecimal propertyIncome;

    @Column(name = "transfer_income", nullable = false)
    private BigDecimal transferIncome;

    @Column(name = "excluded_income", nullable = false)
    private BigDecimal excludedIncome;

    @Column(name = "rigid_expense", nullable = false)
    private BigDecimal rigidExpense;

    @Column(name = "assets_within_limit", nullable = false)
    private boolean assetsWithinLimit;

    @Column(name = "has_able_supporter")
    private Boolean hasAbleSupporter;

    /** Comma-separated codes of the self-care activities not managed (特困 only). */
    @Column(name = "unmanaged_activities")
    private String unmanagedActivities;

    @Column(name = "wants_centralised")
    private Boolean wantsCentralised;

    private String notes;

    /** 特困: the finding on the applicant's ability to work; {@code null} (as before V10) means presumed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_able_to_work")
    private WorkAbilityFinding applicantAbleToWork;

    /** Why the finding departs from what age and disability presume. */
    @Column(name = "able_to_work_reason")
    private String ableToWorkReason;

    @Column(name = "visited_by", nullable = false)
    private String visitedBy;

    @Column(name = "visited_at", nullable = false)
    private Instant visitedAt;

    protected HomeVisit() {
    }

    HomeVisit(Long caseId, IncomeFigures income, boolean assetsWithinLimit, Boolean hasAbleSupporter,
            String unmanagedActivities, Boolean wantsCentralised, String notes, String visitedBy, Instant visitedAt) {
        this.caseId = caseId;
        this.wageIncome = income.wage();
        this.employmentCost = income.employmentCost();
        this.businessIncome = income.business();
        this.propertyIncome = income.property();
        this.transferIncome = income.transfer();
        this.excludedIncome = income.excluded();
        this.rigidExpense = income.rigidExpense();
        this.assetsWithinLimit = assetsWithinLimit;
        this.hasAbleSupporter = hasAbleSupporter;
        this.unmanagedActivities = unmanagedActivities;
        this.wantsCentralised = wantsCentralised;
        this.notes = notes;
        this.visitedBy = visitedBy;
        this.visitedAt = visitedAt;
    }

    /** Records the finding on the applicant's ability to work (特困) and its reason. */
    HomeVisit withWorkAbility(WorkAbilityFinding finding, String reason) {
        this.applicantAbleToWork = finding;
        this.ableToWorkReason = reason;
        return this;
    }

    /** The finding on the applicant's ability to work; {@link WorkAbilityFinding#PRESUMED} when none. */
    public WorkAbilityFinding applicantAbleToWork() {
        return applicantAbleToWork == null ? WorkAbilityFinding.PRESUMED : applicantAbleToWork;
    }

    public String ableToWorkReason() {
        return ableToWorkReason;
    }

    public Long id() {
        return id;
    }

    public IncomeFigures income() {
        return new IncomeFigures(wageIncome, employmentCost, businessIncome, propertyIncome, transferIncome,
                excludedIncome, rigidExpense);
    }

    public boolean assetsWithinLimit() {
        return assetsWithinLimit;
    }

    public Boolean hasAbleSupporter() {
        return hasAbleSupporter;
    }

    public int unmanagedActivityCount() {
        return unmanagedActivities == null || unmanagedActivities.isBlank() ? 0
                : unmanagedActivities.split(",").length;
    }

    public String unmanagedActivities() {
        return unmanagedActivities;
    }

    public boolean wantsCentralised() {
        return Boolean.TRUE.equals(wantsCentralised);
    }

    public String notes() {
        return notes;
    }

    public String visitedBy() {
        return visitedBy;
    }

    public Instant visitedAt() {
        return visitedAt;
    }
}
