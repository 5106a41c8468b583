package org.doudi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "100        | 100",
            "' 100 '    | 100",
            "'\t100.50\n' | 100.50",
            "0.01       | 0.01",
            "007        | 7",
            "-5         | -5",
            "'　100　'    | 100",
    })
    void readsAmountsWrittenInAsciiDigits(String text, String amount) {
        assertThat(Amounts.parse(text)).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo(amount));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"１００", "١٠٠", "۱۰۰", "१००", "1e3", "1E3", "+100", "0x10", "1,000", "100.", ".5",
            "1 000", "100元", "", " ", "NaN", "Infinity", "-", "1_000", "12345678901234567890123456789012345"})
    void refusesEverythingElse(String text) {
        assertThat(Amounts.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "100, true",
            "1E+3, true",
            "999999999999999.99, true",
            "1E+15, false",
            "1E+999999999, false",
            "1E-999999999, false",
            "0.0000000001, true",
    })
    void aNumberMustHaveTheSizeOfAnAmount(String number, boolean plausible) {
        assertThat(Amounts.plausible(new BigDecimal(number))).isEqualTo(plausible);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"long", "double", "string", "decimal"})
    void readsWhatATaskFormSubmits(String type) {
        Object value = switch (type) {
            case "long" -> 100L;
            case "double" -> 100.0;
            case "string" -> "100";
            default -> new BigDecimal("100.00");
        };
        assertThat(Amounts.of(value)).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("100"));
        assertThat(Amounts.of(Double.NaN)).isEmpty();
        assertThat(Amounts.of("１００")).isEmpty();
        assertThat(Amounts.of(Boolean.TRUE)).isEmpty();
    }
}
