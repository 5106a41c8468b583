package org.doudi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Working-day arithmetic over a set of schedules. "N working days after D" does not count D itself
 * (the day of the triggering event), as the rules say.
 */
record WorkingDays(Set<LocalDate> off, Set<LocalDate> work) {

    public static WorkingDays of(Collection<HolidaySchedule> schedules) {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        for (HolidaySchedule s : schedules) {
            off.addAll(s.daysOff());
            work.addAll(s.makeUpDays());
        }
        return new WorkingDays(Set.copyOf(off), Set.copyOf(work));
    }

    /**
     * This (national) calendar with a province's own schedule on top: the province's days off and its
     * working days win over the national ones.
     */
    public WorkingDays with(WorkingDays regional) {
        Set<LocalDate> o = new HashSet<>(off);
        Set<LocalDate> w = new HashSet<>(work);
        o.removeAll(regional.work());
        w.removeAll(regional.off());
        o.addAll(regional.off());
        w.addAll(regional.work());
        return new WorkingDays(Set.copyOf(o), Set.copyOf(w));
    }

    public boolean isWorkingDay(LocalDate day) {
        if (work.contains(day)) {
            return true;
        }
        if (off.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The day n working days after a day, the day itself not counted (n ≥ 0). */
    public LocalDate plus(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative");
        }
        LocalDate day = start;
        for (int counted = 0; counted < n;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int between(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                n++;
            }
        }
        return n;
    }
}
