package org.doudi.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.doudi.shared.Money;

/**
 * Counted household income and the 低保 shortfall, in exact decimals.
 * <ul>
 * <li>Counted income = (wages − employment costs, not below 0) + business + property + transfers −
 * rigid expenses, not below 0. Excluded income is recorded, never counted.</li>
 * <li>Per-capita income is truncated to four decimals: truncation keeps "under the standard" exactly
 * as it is for the undivided amount, so rounding can never make a household eligible or not.</li>
 * <li>The shortfall is (standard − per-capita income) × size, computed as standard × size − counted
 * income, which is the same amount without any rounding.</li>
 * </ul>
 */
public final class IncomeCalculator {

    private IncomeCalculator() {
    }

    /** The computed figures of one household. */
    public record Computation(BigDecimal countedIncome, BigDecimal excludedIncome, BigDecimal deductions,
            int householdSize, BigDecimal perCapitaIncome) {
    }

    public static Computation compute(IncomeFigures f, int householdSize) {
        if (householdSize < 1) {
            throw new IllegalArgumentException("a household has at least one person");
        }
        BigDecimal employmentDeduction = f.employmentCost().min(f.wage());
        BigDecimal beforeRigid = f.wage().subtract(employmentDeduction).add(f.business()).add(f.property())
                .add(f.transfer());
        BigDecimal rigidDeduction = f.rigidExpense().min(beforeRigid.max(BigDecimal.ZERO));
        BigDecimal counted = beforeRigid.subtract(rigidDeduction).max(BigDecimal.ZERO).setScale(2);
        BigDecimal perCapita = counted.divide(BigDecimal.valueOf(householdSize), 4, RoundingMode.DOWN);
        return new Computation(counted, Money.of(f.excluded()), Money.of(employmentDeduction.add(rigidDeduction)),
                householdSize, perCapita);
    }

    /** The monthly 低保 amount: standard × size − counted income (补差), never negative. */
    public static BigDecimal shortfall(BigDecimal standard, int persons, BigDecimal countedIncome) {
        return standard.multiply(BigDecimal.valueOf(persons)).subtract(countedIncome).max(BigDecimal.ZERO)
                .setScale(2, RoundingMode.UNNECESSARY);
    }
}
