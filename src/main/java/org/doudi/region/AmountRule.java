package org.doudi.region;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

import org.doudi.shared.Money;

/**
 * A county's rule for the monthly amount it pays (local: provinces and counties round 低保 and 特困 amounts
 * to the fen, the jiao or the yuan, and many pay a minimum, e.g. "不足 10 元的按 10 元发放"). Applied to each
 * monthly amount that is computed (低保 shortfall, 单人户, 特困), after the computation, which stays exact.
 *
 * @param unit what the amount is rounded to
 * @param mode how
 * @param minimum the least a payable amount is raised to, or {@code null} for none
 */
public record AmountRule(Unit unit, Mode mode, BigDecimal minimum) {

    /** Exact to the fen, no minimum: what Doudi computed before counties had a rule. */
    public static final AmountRule EXACT = new AmountRule(Unit.FEN, Mode.HALF_UP, null);

    /** What an amount is rounded to. */
    public enum Unit {
        /** 分 (0.01 元). */
        FEN(2, "分"),
        /** 角 (0.10 元). */
        JIAO(1, "角"),
        /** 元. */
        YUAN(0, "元");

        private final int scale;
        private final String label;

        Unit(int scale, String label) {
            this.scale = scale;
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Optional<Unit> parse(String s) {
            try {
                return s == null ? Optional.empty() : Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** How an amount is rounded. */
    public enum Mode {
        /** 四舍五入. */
        HALF_UP(RoundingMode.HALF_UP, "四舍五入"),
        /** 舍去 (truncate). */
        DOWN(RoundingMode.DOWN, "舍去尾数"),
        /** 进位 (any remainder rounds up). */
        UP(RoundingMode.UP, "见零进整");

        private final RoundingMode rounding;
        private final String label;

        Mode(RoundingMode rounding, String label) {
            this.rounding = rounding;
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Optional<Mode> parse(String s) {
            try {
                return s == null ? Optional.empty() : Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public AmountRule {
        if (unit == null || mode == null) {
            throw new IllegalArgumentException("an amount rule needs a unit and a mode");
        }
        if (minimum != null && minimum.signum() <= 0) {
            minimum = null;
        }
        minimum = minimum == null ? null : Money.of(minimum);
    }

    /**
     * The amount paid for a computed monthly amount: rounded as the county says, then raised to the
     * minimum. Nothing computed (zero or less) stays nothing: the minimum is for households that qualify
     * with a small shortfall, not a payment to those who do not. Rounding never takes away the whole of
     * a benefit a household qualifies for: a positive amount is paid at least one unit (0.01, 0.10 or 1
     * 元) where the county sets no minimum.
     */
    public BigDecimal apply(BigDecimal computed) {
        if (computed == null || computed.signum() <= 0) {
            return Money.ZERO;
        }
        BigDecimal rounded = computed.setScale(unit.scale, mode.rounding).setScale(2);
        if (rounded.signum() == 0) {
            rounded = BigDecimal.ONE.movePointLeft(unit.scale).setScale(2);
        }
        return minimum != null && rounded.compareTo(minimum) < 0 ? minimum : rounded;
    }

    /**
     * An amount rounded as the county says, without the minimum or the one unit a household is paid at least:
     * for a line of an amount (a 分类施保 allowance), whose sum is the amount.
     */
    public BigDecimal round(BigDecimal exact) {
        return exact.setScale(unit.scale, mode.rounding).setScale(2);
    }

    /** In Chinese, as the assessment shows it: {@code 精确到角，四舍五入；每月最低 10.00 元}. */
    public String describe() {
        String s = "精确到" + unit.label() + "，" + mode.label();
        return minimum == null ? s : s + "；每月最低 " + Money.format(minimum);
    }
}
