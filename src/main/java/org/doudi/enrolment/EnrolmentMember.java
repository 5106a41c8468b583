package org.doudi.enrolment;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.doudi.household.DisabilityCategory;
import org.doudi.household.HouseholdMember;
import org.doudi.household.Relation;
import org.doudi.household.ResidentId;

/**
 * A member of an enrolled household as enrolled; {@code covered}: counted in the amount (for 单人户 the severely
 * disabled or ill members only, for 特困 the person).
 */
@Entity
@Table(name = "enrolment_member")
public class EnrolmentMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id")
    private Enrolment enrolment;

    /** The member's position in the household of the application (0: the applicant). */
    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String name;

    @Column(name = "id_number", nullable = false)
    private String idNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Relation relation;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResidentId.Gender gender;

    @Column(nullable = false)
    private boolean covered;

    @Column(name = "disability_grade")
    private Integer disabilityGrade;

    @Enumerated(EnumType.STRING)
    @Column(name = "disability_category")
    private DisabilityCategory disabilityCategory;

    @Column(name = "serious_illness", nullable = false)
    private boolean seriousIllness;

    @Column(name = "able_to_work", nullable = false)
    private boolean ableToWork;

    protected EnrolmentMember() {
    }

    EnrolmentMember(Enrolment enrolment, HouseholdMember m, boolean covered, boolean ableToWork) {
        this.enrolment = enrolment;
        this.position = m.position();
        this.name = m.name();
        this.idNumber = m.idNumber();
        this.relation = m.relation();
        this.birthDate = m.birthDate();
        this.gender = ResidentId.of(m.idNumber()).gender();
        this.covered = covered;
        this.disabilityGrade = m.disabilityGrade();
        this.disabilityCategory = m.disabilityCategory();
        this.seriousIllness = m.seriousIllness();
        this.ableToWork = ableToWork;
    }

    /** Whole years of age on a day. */
    public int ageOn(LocalDate day) {
        int age = day.getYear() - birthDate.getYear();
        return birthDate.plusYears(age).isAfter(day) ? age - 1 : age;
    }

    /** 重度残疾 for 分类施保 and the review class: a disability of grade 1 or 2, whatever its category. */
    public boolean severelyDisabled() {
        return disabilityGrade != null && disabilityGrade <= 2;
    }

    public int position() {
        return position;
    }

    public String name() {
        return name;
    }

    public String idNumber() {
        return idNumber;
    }

    public Relation relation() {
        return relation;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public ResidentId.Gender gender() {
        return gender;
    }

    public boolean covered() {
        return covered;
    }

    public Integer disabilityGrade() {
        return disabilityGrade;
    }

    public DisabilityCategory disabilityCategory() {
        return disabilityCategory;
    }

    public boolean seriousIllness() {
        return seriousIllness;
    }

    public boolean ableToWork() {
        return ableToWork;
    }
}
