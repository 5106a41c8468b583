package org.doudi.household;

/**
 * A person as declared on an application, already validated.
 *
 * @param ableToWork {@code null} to presume it from age, disability and illness
 */
public record Person(String name, ResidentId id, Relation relation, Integer disabilityGrade,
        DisabilityCategory disabilityCategory, boolean seriousIllness, Boolean ableToWork) {
}
