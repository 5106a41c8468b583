package org.doudi.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.doudi.test.ResidentIds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The general presumption of ability to work of a household member (低保, not 特困 eligibility), written
 * from the rules: able from the county's working-age {@code from} birthday until the day before its
 * {@code until} birthday, unless a minor in school or disabled as the 《特困人员认定办法》 lists
 * (intellectual or mental 1–3, physical 1–2, visual 1). Next to it, the national 特困 presumption, which
 * no county's working age changes.
 */
class WorkingAgeTest {

    @ParameterizedTest(name = "age {0}, working age {1}–{2}, {3} grade {4}, in school {5} → able {6}; 特困 unable {7}")
    @CsvSource({
            // age, from, until, category,   grade, school, presumed able, 特困 unable (national list)
            "40,    16,   60,    ,            ,      false,  true,  false",
            "59,    16,   60,    ,            ,      false,  true,  false",
            "60,    16,   60,    ,            ,      false,  false, true",
            "15,    16,   60,    ,            ,      false,  false, true",
            "16,    16,   60,    ,            ,      false,  true,  false",
            "54,    16,   55,    ,            ,      false,  true,  false",
            "55,    16,   55,    ,            ,      false,  false, false",  // a county's 55: not 特困's 60
            "57,    16,   55,    ,            ,      false,  false, false",
            "60,    16,   55,    ,            ,      false,  false, true",
            "62,    16,   65,    ,            ,      false,  true,  true",   // a county's 65: 特困 still 60
            "65,    16,   65,    ,            ,      false,  false, true",
            "16,    18,   60,    ,            ,      false,  false, false",
            "17,    18,   60,    ,            ,      false,  false, false",
            "18,    18,   60,    ,            ,      false,  true,  false",
            "14,    14,   60,    ,            ,      false,  true,  true",
            "15,    14,   60,    ,            ,      true,   false, true",   // in school under 18
            "17,    16,   60,    ,            ,      true,   false, true",
            "18,    16,   60,    ,            ,      true,   true,  false",
            "40,    16,   55,    INTELLECTUAL, 3,    false,  false, true",   // disability within working age
            "40,    16,   55,    MENTAL,       4,    false,  true,  false",
            "40,    16,   55,    PHYSICAL,     2,    false,  false, true",
            "40,    16,   55,    PHYSICAL,     3,    false,  true,  false",
            "40,    16,   55,    VISUAL,       1,    false,  false, true",
            "40,    16,   55,    VISUAL,       2,    false,  true,  false",
            "40,    16,   55,    HEARING,      1,    false,  true,  false",
            "50,    16,   55,    SPEECH,       1,    false,  true,  false",
            "57,    16,   55,    HEARING,      1,    false,  false, false",
    })
    void presumedAbleWithinTheCountysWorkingAgeUnlessDisabledOrInSchool(int age, int from, int until,
            DisabilityCategory category, Integer grade, boolean inSchool, boolean able, boolean tekunUnable) {
        for (ResidentId.Gender gender : ResidentId.Gender.values()) {
            assertThat(WorkAbility.presumedAble(age, gender, inSchool, category, grade, new WorkingAge(from, until)))
                    .as("presumed able to work, " + gender).isEqualTo(able);
        }
        assertThat(WorkAbility.presumedUnable(age, inSchool, category, grade).isPresent())
                .as("特困: the national list, whatever the county").isEqualTo(tekunUnable);
    }

    /** A county whose working age ends at another age for women (e.g. 男 60, 女 55). */
    @ParameterizedTest(name = "age {0}, {1}, until {2} / women {3} → able {4}")
    @CsvSource({
            "54, FEMALE, 60, 55, true",
            "55, FEMALE, 60, 55, false",
            "57, FEMALE, 60, 55, false",
            "57, MALE,   60, 55, true",
            "59, MALE,   60, 55, true",
            "60, MALE,   60, 55, false",
            "57, FEMALE, 60,   , true",   // no separate age for women: everyone's
            "62, FEMALE, 60, 65, true",
            "62, MALE,   60, 65, false",
            "15, FEMALE, 60, 55, false",
    })
    void aSeparateEndForWomenAppliesToWomenOnly(int age, ResidentId.Gender gender, int until, Integer untilFemale,
            boolean able) {
        assertThat(WorkAbility.presumedAble(age, gender, false, null, null, new WorkingAge(16, until, untilFemale)))
                .isEqualTo(able);
    }

    /** Birthdays: the {@code until} birthday itself is outside, the day before inside; {@code from} is inside. */
    @ParameterizedTest(name = "born {0}, applying {1}, working age {2}–{3} → able {4}")
    @CsvSource({
            "1971-06-15, 2026-06-14, 16, 55, true",
            "1971-06-15, 2026-06-15, 16, 55, false",
            "1966-06-15, 2026-06-14, 16, 60, true",
            "1966-06-15, 2026-06-15, 16, 60, false",
            "2010-06-15, 2026-06-14, 16, 60, false",
            "2010-06-15, 2026-06-15, 16, 60, true",
    })
    void theMemberStoresThePresumptionOfTheApplicationDay(LocalDate born, LocalDate applied, int from, int until,
            boolean able) {
        Person p = new Person("成员", ResidentId.of(ResidentIds.of("130102", born, 11)), Relation.SELF, null, null,
                false, null);
        Household h = new Household("130102100201", p, List.of(), Instant.now(), applied, new WorkingAge(from, until));
        assertThat(h.applicant().ableToWork()).isEqualTo(able);
        assertThat(h.applicant().presumedAbleToWorkOn(applied, new WorkingAge(from, until))).isEqualTo(able);
    }

    /** The gender comes from the resident ID (its 17th digit: odd for men, even for women). */
    @ParameterizedTest(name = "sequence {0} ({1}), 57, men until 60, women until 55 → able {2}")
    @CsvSource({"11, MALE, true", "12, FEMALE, false"})
    void theMembersGenderFromHisResidentIdDecidesWhichEndApplies(int sequence, ResidentId.Gender gender,
            boolean able) {
        LocalDate applied = LocalDate.of(2026, 6, 15);
        ResidentId id = ResidentId.of(ResidentIds.of("130102", LocalDate.of(1969, 3, 1), sequence));
        assertThat(id.gender()).isEqualTo(gender);
        Person p = new Person("成员", id, Relation.SELF, null, null, false, null);
        Household h = new Household("130102100201", p, List.of(), Instant.now(), applied, new WorkingAge(16, 60, 55));
        assertThat(h.applicant().ableToWork()).isEqualTo(able);
    }

    @org.junit.jupiter.api.Test
    void withoutACountyWorkingAgeTheDefaultIsSixteenToUnderSixty() {
        assertThat(WorkingAge.DEFAULT).isEqualTo(new WorkingAge(16, 60));
        Person p = new Person("成员", ResidentId.of(ResidentIds.ofAge(57)), Relation.SELF, null, null, false, null);
        assertThat(new Household("130102100201", p, List.of(), Instant.now(), LocalDate.now()).applicant()
                .ableToWork()).isTrue();
    }
}
