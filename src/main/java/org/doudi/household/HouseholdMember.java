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

    /** Labour age: ability to work is presumed from 16 to 59 (劳动年龄). */
    static final int WORKING_AGE_FROM = 16;
    static final int WORKING_AGE_UNTIL = 60;

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

    /** 劳动能力: given by the applicant or presumed from age, disability and illness. */
    @Column(name = "able_to_work", nullable = false)
    private boolean ableToWork;

    protected HouseholdMember() {
    }

    HouseholdMember(Household household, int position, Person person, LocalDate applicationDay) {
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
        this.ableToWork = person.ableToWork() != null ? person.ableToWork()
                : presumedAbleToWork(person, applicationDay);
    }

    private static boolean presumedAbleToWork(Person person, LocalDate day) {
        int age = person.id().ageOn(day);
        return age >= WORKING_AGE_FROM && age < WORKING_AGE_UNTIL && !severe(person.disabilityGrade(),
                person.disabilityCategory(), person.seriousIllness());
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

    public boolean ableToWork() {
        return ableToWork;
    }
}
