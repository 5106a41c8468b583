package org.doudi.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IncomeCalculatorTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @ParameterizedTest(name = "wage {0} − cost {1} + business {2} + property {3} + transfer {4} − rigid {5}, "
            + "{6} people → counted {7}, per capita {8}, deductions {9}")
    @CsvSource({
            "1100,  100, 0,   0,  0,   0,   3, 1000.00, 333.3333, 100.00",
            "500,   800, 0,   0,  0,   0,   2, 0.00,    0.0000,   500.00",
            "0,     0,   300, 50, 200, 100, 2, 450.00,  225.0000, 100.00",
            "0,     0,   100, 0,  0,   500, 1, 0.00,    0.0000,   100.00",
            "1799.99, 0, 0,   0,  0,   0,   3, 1799.99, 599.9966, 0.00",
            "1800,  0,   0,   0,  0,   0,   3, 1800.00, 600.0000, 0.00",
    })
    void countsIncomeWithDeductionsAndTruncatesPerCapita(String wage, String cost, String business, String property,
            String transfer, String rigid, int size, String counted, String perCapita, String deductions) {
        IncomeFigures f = new IncomeFigures(d(wage), d(cost), d(business), d(property), d(transfer), d("0"), d(rigid));
        IncomeCalculator.Computation c = IncomeCalculator.compute(f, size);
        assertThat(c.countedIncome()).isEqualByComparingTo(counted);
        assertThat(c.perCapitaIncome()).isEqualByComparingTo(perCapita);
        assertThat(c.deductions()).isEqualByComparingTo(deductions);
    }

    @Test
    void excludedIncomeIsRecordedButNeverCounted() {
        IncomeFigures f = new IncomeFigures(d("0"), d("0"), d("0"), d("0"), d("0"), d("2000"), d("0"));
        IncomeCalculator.Computation c = IncomeCalculator.compute(f, 2);
        assertThat(c.countedIncome()).isEqualByComparingTo("0");
        assertThat(c.excludedIncome()).isEqualByComparingTo("2000.00");
    }

    @ParameterizedTest(name = "standard {0} × {1} − {2} = {3}")
    @CsvSource({"600, 3, 1000, 800.00", "600, 3, 1799.99, 0.01", "600, 2, 600.50, 599.50", "600, 1, 0, 600.00",
            "600, 2, 1500, 0.00", "612.50, 4, 1000.25, 1449.75"})
    void shortfallIsExactInFen(String standard, int persons, String counted, String expected) {
        assertThat(IncomeCalculator.shortfall(d(standard), persons, d(counted))).isEqualTo(d(expected));
    }

    /**
     * 特困 is individual: the applicant's own income as it is, against the line; a household's total is
     * never divided by one (nor by the household's size).
     */
    @ParameterizedTest(name = "own wage {0} − cost {1} + transfer {2} − rigid {3} → own income {4}")
    @CsvSource({
            "0,    0,   0,   0,   0.00",
            "0,    0,   300, 0,   300.00",    // support paid by a son: transfer income
            "1000, 100, 0,   0,   900.00",
            "500,  0,   200, 100, 600.00",
            "599.99, 0, 0,   0,   599.99",
    })
    void tekunCountsTheApplicantsOwnIncomeUndivided(String wage, String cost, String transfer, String rigid,
            String own) {
        IncomeFigures f = new IncomeFigures(d(wage), d(cost), d("0"), d("0"), d(transfer), d("0"), d(rigid));
        IncomeCalculator.Computation c = IncomeCalculator.ownIncome(f);
        assertThat(c.ownIncome()).isTrue();
        assertThat(c.countedIncome()).isEqualByComparingTo(own);
        assertThat(c.perCapitaIncome()).as("the income itself").isEqualByComparingTo(own);
        assertThat(c.householdSize()).as("the applicant alone").isEqualTo(1);
        assertThat(IncomeCalculator.compute(f, 3).ownIncome()).isFalse();
    }

    @Test
    void aHouseholdHasSomebody() {
        IncomeFigures f = new IncomeFigures(d("0"), d("0"), d("0"), d("0"), d("0"), d("0"), d("0"));
        assertThatThrownBy(() -> IncomeCalculator.compute(f, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
