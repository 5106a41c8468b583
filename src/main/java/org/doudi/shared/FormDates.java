package org.doudi.shared;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.doudi.TimeConfig;

/**
 * A calendar day as forms and clients submit it: Tasklist's date field sends {@code 2026-12-07}, a REST
 * client may send a {@code Date} variable or an ISO date-time. Days are days in China Standard Time.
 */
public final class FormDates {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** ISO-8601, and the engine REST API's own date format ({@code 2026-12-07T00:00:00.000+0800}). */
    private static final List<DateTimeFormatter> WITH_OFFSET = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));

    private FormDates() {
    }

    /** The day, or empty when the value is no readable day. A {@code null} value is empty too. */
    public static Optional<LocalDate> parse(Object value) {
        if (value instanceof LocalDate d) {
            return Optional.of(d);
        }
        if (value instanceof Date d) {
            return Optional.of(d.toInstant().atZone(TimeConfig.LEGAL_ZONE).toLocalDate());
        }
        if (!(value instanceof String s) || s.isBlank()) {
            return Optional.empty();
        }
        String text = s.trim();
        try {
            if (DAY.matcher(text).matches()) {
                return Optional.of(LocalDate.parse(text));
            }
            if (text.length() > 10 && DAY.matcher(text.substring(0, 10)).matches() && text.charAt(10) == 'T') {
                for (DateTimeFormatter f : WITH_OFFSET) {
                    try {
                        return Optional.of(OffsetDateTime.parse(text, f).atZoneSameInstant(TimeConfig.LEGAL_ZONE)
                                .toLocalDate());
                    } catch (DateTimeParseException notThisOne) {
                        // the next format
                    }
                }
                return Optional.of(LocalDateTime.parse(text).toLocalDate());
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether a value was given at all (not {@code null}, not blank). */
    public static boolean given(Object value) {
        return value != null && !(value instanceof String s && s.isBlank());
    }
}
