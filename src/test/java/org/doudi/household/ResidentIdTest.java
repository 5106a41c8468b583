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
