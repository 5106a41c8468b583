package org.doudi.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.doudi.household.WorkAbility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 特困 applicant's ability to work: the presumption from age and disability unless the home visit
 * finds otherwise with a reason; age itself is never set aside. The application's declaration is no input.
 */
class TekunWorkAbilityTest {

    @ParameterizedTest(name = "presumed unable by {0}, finding {1}, reason [{2}] → able {3}, refused field {4}")
    @CsvSource({
            // presumption, finding, reason,              able,  refused field
            ",            PRESUMED, ,                     true,  ",                    // 40, no disability
            ",            UNABLE,   ,                     false, ableToWorkReason",    // the applicant's word is not enough
            ",            UNABLE,   县级评估：尘肺病三期,     false, ",
            ",            ABLE,     ,                     true,  ",
            "OLD_AGE,     PRESUMED, ,                     false, ",
            "OLD_AGE,     UNABLE,   ,                     false, ",
            "OLD_AGE,     ABLE,     身体健康仍在务工,        true,  applicantAbleToWork", // age decides
            "MINOR,       ABLE,     已工作,                 true,  applicantAbleToWork",
            "DISABILITY,  PRESUMED, ,                     false, ",
            "DISABILITY,  ABLE,     ,                     true,  ableToWorkReason",
            "DISABILITY,  ABLE,     残疾证核实为四级,        true,  ",
            "STUDENT,     ABLE,     已辍学务工,             true,  ",
            "STUDENT,     PRESUMED, ,                     false, ",
    })
    void findingsDepartFromThePresumptionOnlyWithAReason(WorkAbility.Basis presumption, WorkAbilityFinding finding,
            String reason, boolean able, String refusedField) {
        Optional<WorkAbility.Basis> presumed = Optional.ofNullable(presumption);
        assertThat(TekunWorkAbility.ableToWork(presumed, finding)).isEqualTo(able);
        assertThat(TekunWorkAbility.problemWith(presumed, finding, reason).map(TekunWorkAbility.Problem::field)
                .orElse(null)).isEqualTo(refusedField);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"presumed, PRESUMED", "yes, ABLE", "no, UNABLE", "NO, UNABLE", "false, UNABLE", "true, ABLE",
            "UNABLE, UNABLE"})
    void readsTheFormValues(String value, WorkAbilityFinding expected) {
        assertThat(WorkAbilityFinding.parse(value)).contains(expected);
    }
}
