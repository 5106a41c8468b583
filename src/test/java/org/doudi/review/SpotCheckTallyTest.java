package org.doudi.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpotCheckTallyTest {

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(strings = {"0.30", "0.50", "1.00"})
    void theShareCheckedNeverFallsUnderTheRateWhateverTheDraws(String rate) {
        BigDecimal r = new BigDecimal(rate);
        for (long seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            SpotCheckTally tally = new SpotCheckTally("TEKUN:130102");
            for (int i = 0; i < 200; i++) {
                tally.draw(r, random.nextDouble());
                assertThat(BigDecimal.valueOf(tally.selected()))
                        .isGreaterThanOrEqualTo(r.multiply(BigDecimal.valueOf(tally.decided())));
            }
        }
    }

    @ParameterizedTest(name = "draw {0}")
    @ValueSource(doubles = {0.0, 0.99})
    void theFirstCaseIsAlwaysChecked(double random) {
        SpotCheckTally tally = new SpotCheckTally("DELEGATED:130104");
        assertThat(tally.draw(new BigDecimal("0.30"), random)).isTrue();
    }
}
