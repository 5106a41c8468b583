package org.doudi.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year's official schedule (节假日安排): the days off, and the weekend days declared working days
 * (调休). Dates are written {@code 2024-02-10} or as a range {@code 2024-02-10/2024-02-17}.
 *
 * @param region {@code null} (or {@code CN}) for the State Council's national schedule; a province's or
 *            autonomous region's two-digit code (GB/T 2260, e.g. {@code 45} 广西) for its own days off, which
 *            its counties add to the national ones
 * @param published the day the notice was published, if known: a file is loaded over what the database holds
 *            only when it is newer, by this date or, on the same date, by its revision
 * @param revision a correction's number for the same notice (none = 0)
 */
public record HolidaySchedule(int year, String source, List<String> holidays, List<String> workdays, String region,
        LocalDate published, Integer revision) {

    /** The national region. */
    public static final String NATIONAL = "CN";

    public HolidaySchedule(int year, String source, List<String> holidays, List<String> workdays) {
        this(year, source, holidays, workdays, null, null, null);
    }

    /** {@code CN} for the national schedule, else the province's two digits. */
    public String regionCode() {
        return region == null || region.isBlank() ? NATIONAL : region.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** The revision, 0 when none is given. */
    public int revisionNumber() {
        return revision == null ? 0 : revision;
    }

    /** The same schedule for another region, publication date or revision. */
    public HolidaySchedule with(String region, LocalDate published, Integer revision) {
        return new HolidaySchedule(year, source, holidays, workdays, region, published, revision);
    }

    /** Whether the days are the same (the region, date and revision aside). */
    public boolean sameDays(HolidaySchedule other) {
        return other != null && year == other.year && daysOff().equals(other.daysOff())
                && makeUpDays().equals(other.makeUpDays()) && java.util.Objects.equals(source, other.source);
    }

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
            return "年份须在 2000 到 2100 之间 (year must lie between 2000 and 2100)";
        }
        if (source == null || source.isBlank() || source.length() > 500) {
            return "必须填写来源（所依据的通知），不超过 500 字 (source, the notice it comes from, is required, at most 500 characters)";
        }
        String r = regionCode();
        if (!NATIONAL.equals(r) && !r.matches("[1-9][0-9]")) {
            return "地区须为 CN（全国）或省级两位代码，如 45 (region must be CN or a province's two-digit code)";
        }
        if (revision != null && revision < 0) {
            return "修订号不能为负数 (revision must not be negative)";
        }
        if (holidays == null || workdays == null) {
            return "必须填写放假日期和调休上班日期（列表，可以为空）(holidays and workdays are required, lists, may be empty)";
        }
        try {
            Set<LocalDate> off = daysOff();
            Set<LocalDate> work = makeUpDays();
            for (LocalDate d : off) {
                if (d.getYear() != year && !(d.getYear() == year - 1 && d.getMonthValue() == 12)) {
                    return "放假日期 " + d + " 不在 " + year + " 年内 (holiday " + d + " is not in " + year + ")";
                }
                if (work.contains(d)) {
                    return d + " 既是放假日又是调休上班日 (" + d + " is both a holiday and a working day)";
                }
            }
            for (LocalDate d : work) {
                if (d.getYear() != year) {
                    return "调休上班日期 " + d + " 不在 " + year + " 年内 (working day " + d + " is not in " + year + ")";
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
                throw new IllegalArgumentException(field + ": 有空的日期项 (an entry is empty)");
            }
            try {
                String[] parts = entry.trim().split("/");
                LocalDate from = LocalDate.parse(parts[0].trim());
                LocalDate to = parts.length > 1 ? LocalDate.parse(parts[1].trim()) : from;
                if (to.isBefore(from) || from.plusDays(40).isBefore(to)) {
                    throw new IllegalArgumentException(field + ": 日期区间 " + entry + " 起止颠倒或过长 (range " + entry + " is backwards or too long)");
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    days.add(d);
                }
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(field + ": " + entry + " 不是有效日期，格式 yyyy-MM-dd (" + entry + " is not a date, yyyy-MM-dd)");
            }
        }
        return days;
    }
}
