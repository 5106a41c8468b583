package org.doudi.shared;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an amount that arrives as text. {@code new BigDecimal(String)} takes any Unicode digit
 * ("１００", "١٠٠"), an exponent ("1e3") and a plus sign, so a form could pay an amount that no
 * caseworker typed as such: only ASCII digits with an optional fraction are an amount here.
 */
public final class Amounts {

    /** Digits, an optional fraction, an optional minus (so that the caller can say "not negative"). */
    private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** Longer than any amount we pay, short enough that parsing costs nothing. */
    private static final int MAX_LENGTH = 32;

    private Amounts() {
    }

    /** The amount written in {@code text} (surrounding spaces allowed), or empty when it is not one. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.length() > MAX_LENGTH || !PLAIN.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s));
    }

    /**
     * The amount in a submitted value, whatever typed it: Tasklist sends whole numbers as Long or Integer
     * and decimals as Double, a REST client may send a string (read by {@link #parse}).
     */
    public static Optional<BigDecimal> of(Object value) {
        if (value instanceof BigDecimal d) {
            return Optional.of(d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
        }
        if (value instanceof String s) {
            return parse(s);
        }
        return Optional.empty();
    }

    /**
     * Whether a number that arrived as a number (a JSON number, a form's Double) has a magnitude an
     * amount can have: {@code 1e999999999} is a valid JSON number whose {@code setScale(2)} would build
     * a billion-digit integer.
     */
    public static boolean plausible(BigDecimal amount) {
        return amount.scale() <= 10 && amount.precision() - amount.scale() <= 15;
    }
}
