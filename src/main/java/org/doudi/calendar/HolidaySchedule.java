package org.doudi.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year's official schedule (节假日安排): the days off, and the weekend days declared working days
 * (调休). Dates are written {@code 2024-02-10} or as a range {@code 2024-02-10/2024-02-17}.
 */
public record HolidaySchedule(int year, String source, List<String> holidays, List<String> workdays) {

    /** The days off of the year, ranges expanded. */
    public Set<LocalDate> daysOff() {
        return expand(holidays, "holidays");
    }

    /** The make-up working days (调休上班) of the year. */
    public Set<LocalDate> makeUpDays() {
        return expand(workdays, "workdays");
    }

    /** Why the schedule cannot be used, or {@code null}. */
    public String problem() {
        if (year < 2000 || year > 2100) {
            return "year must lie between 2000 and 2100";
        }
        if (source == null || source.isBlank() || source.length() > 500) {
            return "source (the notice it comes from) is required, at most 500 characters";
        }
        if (holidays == null || workdays == null) {
            return "holidays and workdays are required (lists, may be empty)";
        }
        try {
            Set<LocalDate> off = daysOff();
            Set<LocalDate> work = makeUpDays();
            for (LocalDate d : off) {
                if (d.getYear() != year && !(d.getYear() == year - 1 && d.getMonthValue() == 12)) {
                    return "holiday " + d + " is not in " + year;
                }
                if (work.contains(d)) {
                    return d + " is both a holiday and a working day";
                }
            }
            for (LocalDate d : work) {
                if (d.getYear() != year) {
                    return "working day " + d + " is not in " + year;
                }
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    private static Set<LocalDate> expand(List<String> entries, String field) {
        Set<LocalDate> days = new TreeSet<>();
        if (entries == null) {
            return days;
        }
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                throw new IllegalArgumentException(field + ": an entry is empty");
            }
            try {
                String[] parts = entry.trim().split("/");
                LocalDate from = LocalDate.parse(parts[0].trim());
                LocalDate to = parts.length > 1 ? LocalDate.parse(parts[1].trim()) : from;
                if (to.isBefore(from) || from.plusDays(40).isBefore(to)) {
                    throw new IllegalArgumentException(field + ": range " + entry + " is backwards or too long");
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    days.add(d);
                }
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(field + ": " + entry + " is not a date (yyyy-MM-dd)");
            }
        }
        return days;
    }
}
