package org.doudi.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "11010519491231002x"})
    void acceptsTheExamplesOfTheStandard(String value) {
        assertThat(ResidentId.of(value).value()).isEqualToIgnoringCase(value);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "110105194912310021, check character",
            "11010519491231002, 18 characters",
            "1101051949123100XX, digits",
            "１１０１０５１９４９１２３１００２X, digits",
            "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X, digits",
            "110105194913310021, birth date",
            "'', 18 characters",
    })
    void refusesWithAReason(String value, String reason) {
        assertThat(ResidentId.problemWith(value)).contains(reason);
        assertThatThrownBy(() -> ResidentId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * GB 11643 says nothing of plausibility; a number entered today cannot belong to someone born after
     * today or more than 120 years ago. Entered on 2026-12-07 (China Standard Time).
     */
    @ParameterizedTest(name = "born {0} → {1}")
    @CsvSource({
            "2026-12-08, in the future",           // tomorrow
            "2027-01-01, in the future",
            "2026-12-07, ",                        // born today
            "2026-12-06, ",
            "1985-06-15, ",
            "1906-12-08, ",                        // 120 years ago plus a day: 119 years old
            "1906-12-07, ",                        // exactly 120 years ago: 120 today, not more
            "1906-12-06, more than 120 years ago", // 120 years ago minus a day
            "1905-12-07, more than 120 years ago", // 121 years ago
            "1880-01-01, more than 120 years ago", // the standard's own example, well formed but not a living person
    })
    void refusesBirthDatesNoLivingPersonCanHaveOnTheDayOfEntry(LocalDate birth, String problem) {
        LocalDate today = LocalDate.of(2026, 12, 7);
        String id = org.doudi.test.ResidentIds.of("130102", birth, 21);
        assertThat(ResidentId.problemWith(id)).as("well formed").isNull();
        if (problem == null) {
            assertThat(ResidentId.problemWith(id, today)).isNull();
        } else {
            assertThat(ResidentId.problemWith(id, today)).contains(problem).contains("出生日期");
        }
    }

    @Test
    void bornOnALeapDayExactlyOneHundredTwentyYearsAgoIsStillPossible() {
        String id = org.doudi.test.ResidentIds.of("130102", LocalDate.of(1904, 2, 29), 21);
        assertThat(ResidentId.problemWith(id, LocalDate.of(2024, 2, 29))).isNull();
        assertThat(ResidentId.problemWith(id, LocalDate.of(2024, 3, 1))).contains("120");
    }

    @Test
    void readsBirthDateGenderAndAge() {
        ResidentId id = ResidentId.of("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(ResidentId.Gender.FEMALE);
        assertThat(id.ageOn(LocalDate.of(2024, 12, 30))).isEqualTo(74);
        assertThat(id.ageOn(LocalDate.of(2024, 12, 31))).isEqualTo(75);
        assertThat(ResidentId.of("440524188001010014").gender()).isEqualTo(ResidentId.Gender.MALE);
    }

    @Test
    void masksForLogsAndViews() {
        assertThat(ResidentId.of("11010519491231002X").masked()).isEqualTo("110105********002X");
        assertThat(ResidentId.of("11010519491231002X").toString()).doesNotContain("19491231");
    }
}
