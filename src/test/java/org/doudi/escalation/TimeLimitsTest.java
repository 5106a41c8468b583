package org.doudi.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimeLimitsTest {

    static final TimeLimits LIMITS = new TimeLimits(
            Map.of("county-decision", 10, "county-decision-tekun", 15, "procedure", 30),
            Map.of("130104", Map.of("county-decision", 8)), 3);

    @ParameterizedTest(name = "{0} of {1} in {2}: {3} working days")
    @CsvSource({
            "county-decision, DIBAO,     130102, 10",
            "county-decision, TEKUN,     130102, 15", // the programme's own limit
            "county-decision, DIBAO,     130104, 8",  // the county's own limit
            "county-decision, TEKUN,     130104, 8",  // the county's limit wins over the national 特困 one
            "procedure,       TEMPORARY, 130104, 30",
    })
    void findsTheProgrammesAndTheCountysOwnLimitFirst(String step, String programme, String county, int days) {
        assertThat(LIMITS.of(step, programme, county)).isEqualTo(days);
    }

    @Test
    void anUnknownStepIsAConfigurationError() {
        assertThatThrownBy(() -> LIMITS.of("home-visti", "DIBAO", "130102")).hasMessageContaining("home-visti");
        assertThatThrownBy(() -> new TimeLimits(Map.of(), Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
