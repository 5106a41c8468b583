package org.doudi.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountRuleTest {

    @ParameterizedTest(name = "{0} {1}, minimum {2}: {3} → {4}")
    @CsvSource(nullValues = "-", value = {
            // to the fen: what is computed exactly is paid exactly
            "FEN,  HALF_UP, -,     123.45, 123.45",
            "FEN,  DOWN,    -,     123.45, 123.45",
            "FEN,  HALF_UP, -,     0.01,   0.01",
            // to the jiao
            "JIAO, HALF_UP, -,     123.45, 123.50",
            "JIAO, HALF_UP, -,     123.44, 123.40",
            "JIAO, DOWN,    -,     123.49, 123.40",
            "JIAO, UP,      -,     123.41, 123.50",
            "JIAO, UP,      -,     123.40, 123.40",
            // to the yuan
            "YUAN, HALF_UP, -,     123.50, 124.00",
            "YUAN, HALF_UP, -,     123.49, 123.00",
            "YUAN, DOWN,    -,     123.99, 123.00",
            "YUAN, UP,      -,     123.01, 124.00",
            // a minimum monthly payment: a shortfall of 3.20 元 is paid 10 元 where the county says so
            "FEN,  HALF_UP, 10.00, 3.20,   10.00",
            "YUAN, DOWN,    10.00, 3.20,   10.00",
            "YUAN, DOWN,    10.00, 10.90,  10.00",
            "JIAO, HALF_UP, 10.00, 9.96,   10.00",
            "FEN,  HALF_UP, 10.00, 10.01,  10.01",
            "YUAN, HALF_UP, 10.00, 0.40,   10.00", // rounded to nothing, still a qualifying household
            // nothing to pay stays nothing, whatever the minimum
            "FEN,  HALF_UP, 10.00, 0.00,   0.00",
            "YUAN, UP,      10.00, -5.00,  0.00",
            // rounding never takes the whole benefit away: at least one unit without a minimum
            "YUAN, DOWN,    0,     0.40,   1.00",
            "JIAO, HALF_UP, -,     0.04,   0.10",
            "FEN,  DOWN,    -,     0.004,  0.01",
    })
    void roundsAsTheCountySaysThenPaysItsMinimum(AmountRule.Unit unit, AmountRule.Mode mode, BigDecimal minimum,
            BigDecimal computed, BigDecimal paid) {
        BigDecimal result = new AmountRule(unit, mode, minimum).apply(computed);
        assertThat(result).isEqualByComparingTo(paid);
        assertThat(result.scale()).as("an amount in 元 with two decimals").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} {1}, minimum {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            "FEN,  HALF_UP, -,     精确到分，四舍五入",
            "JIAO, DOWN,    -,     精确到角，舍去尾数",
            "YUAN, UP,      10.00, '精确到元，见零进整；每月最低 10.00 元'",
    })
    void describesItselfInChinese(AmountRule.Unit unit, AmountRule.Mode mode, BigDecimal minimum, String text) {
        assertThat(new AmountRule(unit, mode, minimum).describe()).isEqualTo(text);
    }
}
