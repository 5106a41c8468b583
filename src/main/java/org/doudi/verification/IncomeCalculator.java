package org.doudi.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.doudi.shared.Money;

/**
 * Counted household income (or, for 特困, the applicant's own) and the 低保 shortfall, in exact decimals.
 * <ul>
 * <li>Counted income = (wages − employment costs, not below 0) + business + property + transfers −
 * rigid expenses, not below 0. Excluded income is recorded, never counted.</li>
 * <li>Per-capita income is truncated to four decimals: truncation keeps "under the standard" exactly
 * as it is for the undivided amount, so rounding can never make a household eligible or not.</li>
 * <li>The shortfall is (standard − per-capita income) × size, computed as standard × size − counted
 * income, which is the same amount without any rounding.</li>
 * <li>特困 is individual: the figures are the applicant's own income and are compared as they are
 * ({@link #ownIncome}); nothing is divided.</li>
 * </ul>
 */
final class IncomeCalculator {

    private IncomeCalculator() {
    }

    /**
     * The computed figures of one household, or of one 特困 applicant.
     *
     * @param householdSize the people whose income was counted: the household, or 1 for an applicant's own
     * @param perCapitaIncome per person; for an applicant's own income, that income itself
     * @param ownIncome the figures are the applicant's own income (特困), not a household's
     */
    public record Computation(BigDecimal countedIncome, BigDecimal excludedIncome, BigDecimal deductions,
            int householdSize, BigDecimal perCapitaIncome, boolean ownIncome) {
    }

    /** 低保 and temporary assistance: the household's counted income and its per-capita share. */
    public static Computation compute(IncomeFigures f, int householdSize) {
        if (householdSize < 1) {
            throw new IllegalArgumentException("a household has at least one person");
        }
        Counted c = count(f);
        BigDecimal perCapita = c.counted().divide(BigDecimal.valueOf(householdSize), 4, RoundingMode.DOWN);
        return new Computation(c.counted(), Money.of(f.excluded()), c.deductions(), householdSize, perCapita, false);
    }

    /**
     * 特困: the applicant's own counted monthly income (本人收入), compared with the line as it is. The
     * figures must be his own, never a household's total: other members' income is not his.
     */
    public static Computation ownIncome(IncomeFigures f) {
        Counted c = count(f);
        return new Computation(c.counted(), Money.of(f.excluded()), c.deductions(), 1, c.counted().setScale(4),
                true);
    }

    private record Counted(BigDecimal counted, BigDecimal deductions) {
    }

    private static Counted count(IncomeFigures f) {
        BigDecimal employmentDeduction = f.employmentCost().min(f.wage());
        BigDecimal beforeRigid = f.wage().subtract(employmentDeduction).add(f.business()).add(f.property())
                .add(f.transfer());
        BigDecimal rigidDeduction = f.rigidExpense().min(beforeRigid.max(BigDecimal.ZERO));
        BigDecimal counted = beforeRigid.subtract(rigidDeduction).max(BigDecimal.ZERO).setScale(2);
        return new Counted(counted, Money.of(employmentDeduction.add(rigidDeduction)));
    }

    /** The monthly 低保 amount: standard × size − counted income (补差), never negative. */
    public static BigDecimal shortfall(BigDecimal standard, int persons, BigDecimal countedIncome) {
        return standard.multiply(BigDecimal.valueOf(persons)).subtract(countedIncome).max(BigDecimal.ZERO)
                .setScale(2, RoundingMode.UNNECESSARY);
    }
}
