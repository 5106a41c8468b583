package org.doudi.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The eligibility tables of processes/, as a designer would read them, one row per case. County
 * values as in demo county A: 低保标准 600, edge line 1.5 × 600 = 900.
 */
class DecisionTablesTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private String evaluate(String key, Map<String, Object> variables) {
        DecisionService decisions = engine.getDecisionService();
        return decisions.evaluateDecisionTableByKey(key, Variables.fromMap(variables)).getSingleResult()
                .getSingleEntry();
    }

    @ParameterizedTest(name = "assets {0}, per capita {1}, severe member {2} → {3}")
    @CsvSource({
            "true,  0,        false, ELIGIBLE_HOUSEHOLD",
            "true,  599.9966, false, ELIGIBLE_HOUSEHOLD",
            "true,  600,      false, INELIGIBLE_INCOME",
            "true,  600,      true,  ELIGIBLE_SINGLE_PERSON",
            "true,  899.99,   true,  ELIGIBLE_SINGLE_PERSON",
            "true,  900,      true,  INELIGIBLE_INCOME",
            "true,  1200,     false, INELIGIBLE_INCOME",
            "false, 100,      false, INELIGIBLE_ASSETS",
            "false, 700,      true,  INELIGIBLE_ASSETS",
    })
    @Deployment(resources = "processes/DibaoEligibility.dmn")
    void dibaoEligibility(boolean assets, double perCapita, boolean severe, String expected) {
        assertThat(evaluate("DibaoEligibility", Map.of("assetsWithinLimit", assets, "perCapitaIncome", perCapita,
                "severeMemberPresent", severe, "dibaoStandard", 600.0, "singlePersonLine", 900.0)))
                .isEqualTo(expected);
    }

    /**
     * 特困: the applicant's own monthly income against the line (the 低保标准 600 where the county has no
     * 特困 line), and ability to work as the investigation found it (age and disability are turned into
     * it before the table, see WorkAbilityTest and TekunWorkAbilityTest).
     */
    @ParameterizedTest(name = "assets {0}, supporter {1}, own income {2}, can work {3} → {4}")
    @CsvSource({
            "true,  false, 0,      false, ELIGIBLE",
            "true,  false, 599.99, false, ELIGIBLE",
            "true,  false, 600,    false, INELIGIBLE_INCOME",
            "true,  false, 0,      true,  INELIGIBLE_ABLE_TO_WORK",
            "true,  true,  0,      false, INELIGIBLE_SUPPORTER",
            "false, false, 0,      false, INELIGIBLE_ASSETS",
            "true,  true,  900,    true,  INELIGIBLE_SUPPORTER",
    })
    @Deployment(resources = "processes/TekunEligibility.dmn")
    void tekunEligibility(boolean assets, boolean supporter, double ownIncome, boolean canWork, String expected) {
        assertThat(evaluate("TekunEligibility", Map.of("assetsWithinLimit", assets, "hasAbleSupporter", supporter,
                "applicantIncome", ownIncome, "tekunIncomeLine", 600.0, "applicantCanWork", canWork)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} activities not managed → {1}")
    @CsvSource({"0, SELF_CARE", "1, PARTIAL", "3, PARTIAL", "4, FULL_LOSS", "6, FULL_LOSS"})
    @Deployment(resources = "processes/TekunCareLevel.dmn")
    void tekunCareLevel(int unmanaged, String expected) {
        assertThat(evaluate("TekunCareLevel", Map.of("unmanagedActivities", unmanaged))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "wants care home {0}, level {1} → {2}")
    @CsvSource({"true, FULL_LOSS, CENTRALISED", "true, SELF_CARE, CENTRALISED", "false, FULL_LOSS, DISPERSED",
            "false, SELF_CARE, DISPERSED"})
    @Deployment(resources = "processes/TekunSupportMode.dmn")
    void tekunSupportMode(boolean wants, String level, String expected) {
        assertThat(evaluate("TekunSupportMode", Map.of("wantsCentralisedCare", wants, "careLevel", level)))
                .isEqualTo(expected);
    }
}
