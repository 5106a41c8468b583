package org.doudi.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

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

    static final Map<String, Integer> NATIONAL = Map.of("county-decision", 10, "county-decision-tekun", 15,
            "county-decision-temporary", 5, "procedure", 30, "procedure-delegated", 20);

    @ParameterizedTest(name = "county {0} = {1}: refused, naming {2}")
    @CsvSource({
            "county-decision,           11, doudi.time-limits.counties.130104.county-decision",
            "county-decision-tekun,     16, doudi.time-limits.counties.130104.county-decision-tekun",
            // a step-wide county value applies to 临时救助 too, whose national limit is 5
            "county-decision,           8,  doudi.time-limits.counties.130104.county-decision（temporary）",
            "procedure-delegated,       21, doudi.time-limits.counties.130104.procedure-delegated",
            // a programme value with only a step-wide national limit is bounded by it
            "procedure-dibao,           31, doudi.time-limits.counties.130104.procedure-dibao",
            "procedure,                 0,  doudi.time-limits.counties.130104.procedure",
            // no national rule bounds it (a misspelt step)
            "county-decison,            5,  doudi.time-limits.counties.130104.county-decison",
    })
    void aCountyLimitAboveTheNationalMaximumIsRefusedNamingItsKey(String key, int days, String named) {
        assertThatThrownBy(() -> new TimeLimits(NATIONAL, Map.of("130104", Map.of(key, days)), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
    }

    @ParameterizedTest(name = "county {0}")
    @CsvSource({
            "'county-decision=10,county-decision-temporary=5'", // step-wide, with its own temporary value
            "'county-decision=5'",                              // at most every programme's national limit
            "'county-decision-tekun=15,procedure=25'",
            "'procedure-extended=45'",
    })
    void aCountyAtOrBelowEveryNationalLimitIsTaken(String entries) {
        Map<String, Integer> county = new java.util.HashMap<>();
        for (String e : entries.split(",")) {
            county.put(e.split("=")[0], Integer.parseInt(e.split("=")[1]));
        }
        Map<String, Integer> national = new java.util.HashMap<>(NATIONAL);
        national.put("procedure-extended", 45);
        TimeLimits limits = new TimeLimits(national, Map.of("130104", county), 3);
        county.forEach((key, days) -> assertThat(limits.of(key, "DIBAO", "130104")).isLessThanOrEqualTo(days));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TimeLimits.class)
    static class OnlyTimeLimits {
    }

    @Test
    void theApplicationRefusesToStartWithACountyLimitAboveTheNationalOne() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(OnlyTimeLimits.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.main.banner-mode=off",
                        "doudi.time-limits.counties.130102.county-decision=12");
        assertThatThrownBy(app::run).rootCause().hasMessageContaining("doudi.time-limits.counties.130102.county-decision")
                .hasMessageContaining("12").hasMessageContaining("10");

        // The shipped configuration, with a county that is quicker than the national rules, starts.
        try (ConfigurableApplicationContext ok = new SpringApplicationBuilder(OnlyTimeLimits.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "doudi.time-limits.counties.130102.county-decision=8",
                        "doudi.time-limits.counties.130102.county-decision-temporary=4")
                .run()) {
            assertThat(ok.getBean(TimeLimits.class).of("county-decision", "DIBAO", "130102")).isEqualTo(8);
            assertThat(ok.getBean(TimeLimits.class).of("county-decision", "TEMPORARY", "130102")).isEqualTo(4);
            assertThat(ok.getBean(TimeLimits.class).of("county-decision", "TEKUN", "130102")).isEqualTo(8);
        }
    }
}
