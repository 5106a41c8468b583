package org.doudi.household;

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

/** A person in an applying household (家庭成员), the applicant included. */
@Entity
@Table(name = "household_member")
public class HouseholdMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "household_id")
    private Household household;

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

    /** 残疾等级 1 (most severe) to 4; {@code null} when not disabled. */
    @Column(name = "disability_grade")
    private Integer disabilityGrade;

    @Enumerated(EnumType.STRING)
    @Column(name = "disability_category")
    private DisabilityCategory disabilityCategory;

    /** 重病患者. */
    @Column(name = "serious_illness", nullable = false)
    private boolean seriousIllness;

    /**
     * 劳动能力 as presumed on the day of application from age (within the county's working age in force
     * that month, {@link WorkingAge}), schooling and disability ({@link WorkAbility#presumedAble}); never
     * the applicant's declaration. 特困 rules compute their own presumption for the day they decide on
     * ({@link #presumedUnableToWorkOn}).
     */
    @Column(name = "able_to_work", nullable = false)
    private boolean ableToWork;

    /** What the application declared about the person's ability to work, if anything: shown, never decisive. */
    @Column(name = "declared_able_to_work")
    private Boolean declaredAbleToWork;

    /** A minor enrolled in school (在校学生); covered by 特困 until 18. */
    @Column(name = "in_school", nullable = false)
    private boolean inSchool;

    protected HouseholdMember() {
    }

    HouseholdMember(Household household, int position, Person person, LocalDate applicationDay,
            WorkingAge workingAge) {
        this.household = household;
        this.position = position;
        this.name = person.name();
        this.idNumber = person.id().value();
        this.relation = person.relation();
        this.birthDate = person.id().birthDate();
        this.gender = person.id().gender();
        this.disabilityGrade = person.disabilityGrade();
        this.disabilityCategory = person.disabilityCategory();
        this.seriousIllness = person.seriousIllness();
        this.inSchool = Boolean.TRUE.equals(person.inSchool());
        this.declaredAbleToWork = person.ableToWork();
        this.ableToWork = presumedAbleToWorkOn(applicationDay, workingAge);
    }

    /**
     * The general presumption of ability to work on a day, within the county's working age
     * ({@link WorkAbility#presumedAble}); 特困 eligibility uses {@link #presumedUnableToWorkOn} instead.
     */
    public boolean presumedAbleToWorkOn(LocalDate day, WorkingAge workingAge) {
        ResidentId id = ResidentId.of(idNumber);
        return WorkAbility.presumedAble(id.ageOn(day), id.gender(), inSchool, disabilityCategory, disabilityGrade,
                workingAge);
    }

    /**
     * Why the person is presumed unable to work on a day under the national 特困 list (特困人员认定办法),
     * whatever the county's working age, or empty when presumed able:
     * from the age on that day, schooling and the disability's category and grade.
     */
    public java.util.Optional<WorkAbility.Basis> presumedUnableToWorkOn(LocalDate day) {
        return WorkAbility.presumedUnable(ResidentId.of(idNumber).ageOn(day), inSchool, disabilityCategory,
                disabilityGrade);
    }

    /**
     * Severely disabled or seriously ill (重度残疾人、重病患者): disability grade 1–2, grade 3
     * intellectual or mental disability, or a serious illness. Such a member of a family near the line
     * may be enrolled alone (单人户).
     */
    static boolean severe(Integer grade, DisabilityCategory category, boolean seriousIllness) {
        if (seriousIllness) {
            return true;
        }
        if (grade == null) {
            return false;
        }
        return grade <= 2 || (grade == 3
                && (category == DisabilityCategory.INTELLECTUAL || category == DisabilityCategory.MENTAL));
    }

    public boolean isSeverelyDisabledOrIll() {
        return severe(disabilityGrade, disabilityCategory, seriousIllness);
    }

    public int ageOn(LocalDate day) {
        return ResidentId.of(idNumber).ageOn(day);
    }

    public Long id() {
        return id;
    }

    /** The member's place in the household, from 0 (the applicant) in the order of the application. */
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

    public Integer disabilityGrade() {
        return disabilityGrade;
    }

    public DisabilityCategory disabilityCategory() {
        return disabilityCategory;
    }

    public boolean seriousIllness() {
        return seriousIllness;
    }

    /** Presumed able to work on the day of application, within the county's working age (see {@link #presumedAbleToWorkOn}). */
    public boolean ableToWork() {
        return ableToWork;
    }

    /** The application's declaration, or {@code null}; decides nothing. */
    public Boolean declaredAbleToWork() {
        return declaredAbleToWork;
    }

    public boolean inSchool() {
        return inSchool;
    }
}
