package org.doudi.household;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

import org.doudi.shared.PersonalData;

/**
 * A resident identity number (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd for men) and a check character over the first 17 digits.
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    public ResidentId {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Parses a number, accepting a lower-case {@code x} as check character. */
    public static ResidentId of(String value) {
        return new ResidentId(value == null ? null : value.trim().toUpperCase());
    }

    /** The oldest age a living person is taken to have: a birth date further back is a typing error. */
    public static final int MAX_AGE_YEARS = 120;

    /**
     * Why a value is not a well-formed 18-character number (length, digits, check character, a real
     * calendar date), or {@code null} when it is. Needs no clock, so that stored numbers can always be
     * read back; input is checked with {@link #problemWith(String, LocalDate)}.
     */
    public static String problemWith(String value) {
        if (value == null || value.length() != 18) {
            return "必须是 18 位 (must have 18 characters)";
        }
        for (int i = 0; i < 17; i++) {
            // ASCII only: Character.isDigit would let full-width and other scripts' digits through.
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return "前 17 位必须是半角数字 (the first 17 characters must be digits)";
            }
        }
        if (checkCharacter(value) != value.charAt(17)) {
            return "校验码不符 (the check character does not match, GB 11643-1999)";
        }
        try {
            LocalDate birth = parseBirthDate(value);
            if (birth.getYear() < 1880) {
                return "出生日期不可能 (the birth date is not plausible)";
            }
        } catch (DateTimeException e) {
            return "出生日期不是有效日期 (the birth date is not a valid date)";
        }
        return null;
    }

    /**
     * Why a number entered today cannot be a resident's, or {@code null}: everything
     * {@link #problemWith(String)} checks, and a birth date that is neither after today nor more than
     * {@value #MAX_AGE_YEARS} years before it (born exactly 120 years ago today is still possible).
     *
     * @param today the day of entry in China Standard Time, from the application's clock
     */
    public static String problemWith(String value, LocalDate today) {
        String problem = problemWith(value);
        if (problem != null) {
            return problem;
        }
        LocalDate birth = parseBirthDate(value);
        if (birth.isAfter(today)) {
            return "出生日期晚于今天 (the birth date is in the future)";
        }
        if (birth.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            return "出生日期早于 " + MAX_AGE_YEARS + " 年前 (the birth date is more than " + MAX_AGE_YEARS
                    + " years ago)";
        }
        return null;
    }

    /**
     * A resident ID number as other departments' rosters write it, in the one form Doudi keeps: trimmed, an {@code x}
     * upper-cased, and a 15-digit first-generation number (一代身份证: YYMMDD, no check character) converted to 18
     * digits (19YY and the check character computed). Anything else is returned trimmed and upper-cased, for
     * {@link #problemWith} to say what is wrong with it; {@code null} stays {@code null}.
     */
    public static String normalised(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (v.length() == 15 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String digits = v.substring(0, 6) + "19" + v.substring(6);
            return digits + checkCharacter(digits);
        }
        return v;
    }

    static char checkCharacter(String digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static LocalDate parseBirthDate(String value) {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public LocalDate birthDate() {
        return parseBirthDate(value);
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** Age in full years on a day. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate(), day).getYears();
    }

    /** The number with the middle digits hidden, for logs and messages: {@code 110105********002X}. */
    public String masked() {
        return mask(value);
    }

    /** Masks any identity number for display; tolerant of invalid input. */
    public static String mask(String value) {
        return PersonalData.maskIdNumber(value);
    }

    @Override
    public String toString() {
        return masked();
    }

    public enum Gender { MALE, FEMALE }
}
