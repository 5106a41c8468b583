package org.doudi.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in 元 with two decimals. Never {@code double}. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    /** The amount at two decimals; refuses amounts with fractions of a fen. */
    public static BigDecimal of(BigDecimal amount) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("an amount has at most two decimals (分): " + amount.toPlainString());
        }
    }

    public static BigDecimal of(String amount) {
        return of(new BigDecimal(amount));
    }

    /** Chinese display, e.g. {@code 1,200.00 元}. */
    public static String format(BigDecimal amount) {
        return amount == null ? "—" : String.format("%,.2f 元", amount);
    }
}
