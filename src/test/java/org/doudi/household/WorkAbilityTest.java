package org.doudi.household;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who is unable to work for 特困 (《特困人员认定办法》2021: 60 or over; under 16, students under 18;
 * intellectual or mental disability grade 1–3, physical 1–2, visual 1), next to who is severely
 * disabled or ill for 单人户 (grade 1–2 of any category, intellectual or mental grade 3, serious illness),
 * which stays as it was. Written from the rules, one row per case.
 */
class WorkAbilityTest {

    @ParameterizedTest(name = "{0} grade {1}, age {2}, in school {3}, seriously ill {4} → 特困 unable {5} ({6}), 单人户 severe {7}")
    @CsvSource({
            // category,   grade, age, school, ill,   tekun unable, basis,      单人户 severe
            "INTELLECTUAL, 1,     40,  false,  false, true,  DISABILITY, true",
            "INTELLECTUAL, 3,     40,  false,  false, true,  DISABILITY, true",
            "INTELLECTUAL, 4,     40,  false,  false, false, ,           false",
            "MENTAL,       2,     40,  false,  false, true,  DISABILITY, true",
            "MENTAL,       3,     40,  false,  false, true,  DISABILITY, true",
            "MENTAL,       4,     40,  false,  false, false, ,           false",
            "PHYSICAL,     1,     40,  false,  false, true,  DISABILITY, true",
            "PHYSICAL,     2,     40,  false,  false, true,  DISABILITY, true",
            "PHYSICAL,     3,     40,  false,  false, false, ,           false",
            "VISUAL,       1,     40,  false,  false, true,  DISABILITY, true",
            "VISUAL,       2,     40,  false,  false, false, ,           true",   // 单人户 only
            "HEARING,      1,     40,  false,  false, false, ,           true",   // 单人户 only
            "HEARING,      2,     40,  false,  false, false, ,           true",
            "SPEECH,       1,     40,  false,  false, false, ,           true",
            "SPEECH,       2,     40,  false,  false, false, ,           true",
            "MULTIPLE,     1,     40,  false,  false, false, ,           true",   // left to the county's assessment
            ",             2,     40,  false,  false, false, ,           true",   // a grade without a category
            ",             ,      40,  false,  true,  false, ,           true",   // serious illness alone: 单人户 only
            ",             ,      40,  false,  false, false, ,           false",
            ",             ,      59,  false,  false, false, ,           false",
            ",             ,      60,  false,  false, true,  OLD_AGE,    false",
            ",             ,      85,  false,  false, true,  OLD_AGE,    false",
            ",             ,      15,  false,  false, true,  MINOR,      false",
            ",             ,      0,   false,  false, true,  MINOR,      false",
            ",             ,      16,  false,  false, false, ,           false",
            ",             ,      16,  true,   false, true,  STUDENT,    false",
            ",             ,      17,  true,   false, true,  STUDENT,    false",
            ",             ,      17,  false,  false, false, ,           false",
            ",             ,      18,  true,   false, false, ,           false",
            "HEARING,      1,     65,  false,  false, true,  OLD_AGE,    true",
            "PHYSICAL,     1,     12,  false,  false, true,  MINOR,      true",
    })
    void tekunAndSinglePersonTestsFollowTheirOwnLists(DisabilityCategory category, Integer grade, int age,
            boolean inSchool, boolean seriouslyIll, boolean tekunUnable, WorkAbility.Basis basis,
            boolean singlePersonSevere) {
        assertThat(WorkAbility.presumedUnable(age, inSchool, category, grade).isPresent()).as("特困 unable to work")
                .isEqualTo(tekunUnable);
        assertThat(WorkAbility.presumedUnable(age, inSchool, category, grade).orElse(null)).isEqualTo(basis);
        assertThat(HouseholdMember.severe(grade, category, seriouslyIll)).as("单人户 severe")
                .isEqualTo(singlePersonSevere);
    }
}
