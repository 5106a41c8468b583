package org.doudi.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of how a resident ID number (公民身份号码) and a mobile number are hidden, for
 * views, documents and every log line. Nothing but the first six and last four characters of an ID, and
 * the first three and last four digits of a phone, is ever shown.
 */
public final class PersonalData {

    /**
     * A run of at least 15 digits, with an optional check character X: an 18-character ID (GB 11643),
     * a 15-digit one of before 1999, or anything as long (a bank card). Unicode digits count too, so
     * that a full-width ID that someone typed is hidden as well. Shorter numbers of our own (division
     * codes of 12 digits, the parts of a case number, epoch milliseconds of 13) are left alone.
     */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<!\\p{Nd})\\p{Nd}{15,}[XxＸｘ]?(?![\\p{Nd}XxＸｘ])");

    /** A mainland mobile number (11 digits from 13 to 19), with an optional 86 / +86 / 0086 in front. */
    private static final Pattern MOBILE = Pattern.compile("(?<!\\p{Nd})((?:\\+|00)?86[- ]?)?(1[3-9]\\p{Nd})\\p{Nd}{4}"
            + "(\\p{Nd}{4})(?!\\p{Nd})");

    private PersonalData() {
    }

    /** An ID number with the middle hidden ({@code 110105********002X}); tolerant of any input. */
    public static String maskIdNumber(String value) {
        if (value == null || value.length() < 10) {
            return "****";
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
    }

    /** A phone number with the middle four digits hidden ({@code 138****0000}); tolerant of any input. */
    public static String maskPhone(String value) {
        if (value == null || value.length() < 8) {
            return "****";
        }
        return value.substring(0, 3) + "****" + value.substring(value.length() - 4);
    }

    /** Any text with every ID-like long number and every mobile number in it masked. */
    public static String maskAll(String text) {
        if (text == null || !hasDigitRun(text, 11)) {
            return text;
        }
        String ids = LONG_NUMBER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(maskIdNumber(m.group())));
        return MOBILE.matcher(ids).replaceAll(m -> Matcher.quoteReplacement(
                (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "****" + m.group(3)));
    }

    /** A cheap pre-check: most log lines have no run of eleven digits and need no regular expression. */
    private static boolean hasDigitRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                if (++run >= length) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }
}
