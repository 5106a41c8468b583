package org.doudi.cases;

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

/**
 * 纳入保障 as decided: what the approval of a case granted, to whom, from which month, written once when the
 * decision is carried out. The living record of the household that follows (保障对象) is the enrolment
 * module's.
 */
@Entity
@Table(name = "case_benefit")
public class ApprovedBenefit {

    /** Who is enrolled: the whole household, members alone (单人户), or one person (特困). */
    public enum Unit { HOUSEHOLD, SINGLE_PERSON, PERSON }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Programme programme;

    @Column(name = "monthly_amount", nullable = false)
    private BigDecimal monthlyAmount;

    /** {@code yyyy-MM}: the month after the decision. */
    @Column(name = "benefit_start_month", nullable = false)
    private String benefitStartMonth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Unit unit;

    @Column(nullable = false)
    private int persons;

    @Column(name = "care_level")
    private String careLevel;

    @Column(name = "support_mode")
    private String supportMode;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    protected ApprovedBenefit() {
    }

    public ApprovedBenefit(AssistanceCase c, BigDecimal monthlyAmount, YearMonth benefitStartMonth, Unit unit, int persons,
            String careLevel, String supportMode, Instant enrolledAt) {
        if (monthlyAmount.signum() <= 0) {
            throw new IllegalArgumentException("an enrolment pays a positive amount");
        }
        this.caseId = c.id();
        this.programme = c.programme();
        this.monthlyAmount = monthlyAmount;
        this.benefitStartMonth = benefitStartMonth.toString();
        this.unit = unit;
        this.persons = persons;
        this.careLevel = careLevel;
        this.supportMode = supportMode;
        this.enrolledAt = enrolledAt;
    }

    public BigDecimal monthlyAmount() {
        return monthlyAmount;
    }

    public String benefitStartMonth() {
        return benefitStartMonth;
    }

    public Unit unit() {
        return unit;
    }

    public int persons() {
        return persons;
    }

    public String careLevel() {
        return careLevel;
    }

    public String supportMode() {
        return supportMode;
    }

    public Instant enrolledAt() {
        return enrolledAt;
    }
}
