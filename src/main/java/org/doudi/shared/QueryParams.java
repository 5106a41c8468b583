package org.doudi.shared;

import java.util.List;

/** Reading the query parameters of list answers (pages, sizes) the same way everywhere. */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * A whole number from {@code min} to {@code max}; {@code fallback} when the parameter is absent or blank.
     * Anything else is recorded as a violation labelled in Chinese (and {@code fallback} returned, so that all
     * the request's violations are answered together).
     */
    public static int wholeNumber(String value, String name, String label, int fallback, int min, int max,
            List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        violations.add(new FieldViolation(name, "「" + label + "」须为 " + min + " 到 " + max + " 的整数 / must be a"
                + " whole number from " + min + " to " + max));
        return fallback;
    }

    /**
     * The page size ({@code size}): {@code fallback} when absent, at most {@code max}; for a list asked for as XLSX
     * every row up to {@link Exports#MAX_ROWS} when absent, and at most that ({@link Exports}).
     */
    public static int pageSize(String value, int fallback, int max, List<FieldViolation> violations) {
        return wholeNumber(value, "size", "每页条数", Exports.defaultPageSize(fallback), 1, Exports.maxPageSize(max),
                violations);
    }
}
