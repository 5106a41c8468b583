package org.doudi.household;

/**
 * A person as declared on an application, already validated.
 *
 * @param ableToWork the applicant's declaration of the person's ability to work, or {@code null}: kept
 *        and shown, but ability to work is derived from age, disability and the home visit
 *        ({@link WorkAbility}), never from this
 * @param inSchool a minor enrolled in school (在校学生), or {@code null} when not recorded (taken as no)
 */
public record Person(String name, ResidentId id, Relation relation, Integer disabilityGrade,
        DisabilityCategory disabilityCategory, boolean seriousIllness, Boolean ableToWork, Boolean inSchool) {

    /** A person without a school record. */
    public Person(String name, ResidentId id, Relation relation, Integer disabilityGrade,
            DisabilityCategory disabilityCategory, boolean seriousIllness, Boolean ableToWork) {
        this(name, id, relation, disabilityGrade, disabilityCategory, seriousIllness, ableToWork, null);
    }
}
