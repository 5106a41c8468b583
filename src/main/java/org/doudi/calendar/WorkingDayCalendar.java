package org.doudi.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.doudi.TimeConfig;
import org.doudi.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Working days (工作日) of the official schedules: weekdays, minus the holidays, plus the weekend days
 * declared working days (调休). The schedules are data (table {@code calendar_year}, newest version of
 * each region's year), loaded from the shipped files, from files an operator drops in, or over the admin
 * API; every node picks up a new version within a minute. A year without a schedule counts weekdays only.
 * <p>
 * A county's calendar is the national one plus its province's own days off (province = the first two
 * digits of the division code), e.g. 广西's 壮族三月三: {@link #plusWorkingDays(String, LocalDate, int)}.
 * <p>
 * A new version moves what was computed with the old one ({@link CalendarDependents}) in the same
 * transaction, and says how much moved.
 */
@Service
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    private static final long REFRESH_MILLIS = 60_000;

    private final CalendarYearRepository years;
    private final ObjectMapper json;
    private final Clock clock;
    private final ObjectProvider<CalendarDependents> dependents;

    private static final Snapshot EMPTY = new Snapshot(-1, Map.of(), new WorkingDays(Set.of(), Set.of()), Map.of(), 0);

    private volatile Snapshot snapshot = EMPTY;

    /** National days, and the national days with each province's on top. */
    private record Snapshot(long lastId, Map<String, Map<Integer, Integer>> versions, WorkingDays national,
            Map<String, WorkingDays> provinces, long loadedAtMillis) {

        WorkingDays of(String divisionCode) {
            if (divisionCode == null || divisionCode.length() < 2) {
                return national;
            }
            return provinces.getOrDefault(divisionCode.substring(0, 2), national);
        }
    }

    /**
     * The outcome of a load.
     *
     * @param added whether it became a new version (false: the same days, or a file not newer than what is
     *            held)
     */
    public record Loaded(String region, int year, int version, boolean added, int tasksMoved, int timersMoved) {
    }

    WorkingDayCalendar(CalendarYearRepository years, ObjectMapper json, Clock clock,
            ObjectProvider<CalendarDependents> dependents) {
        this.years = years;
        this.json = json;
        this.clock = clock;
        this.dependents = dependents;
    }

    /** A national working day. */
    public boolean isWorkingDay(LocalDate day) {
        return current().national().isWorkingDay(day);
    }

    /** A working day in a county (or township, village): the national schedule plus its province's. */
    public boolean isWorkingDay(String divisionCode, LocalDate day) {
        return current().of(divisionCode).isWorkingDay(day);
    }

    /** The day n national working days after a day, the day itself not counted (n ≥ 0). */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        return plusWorkingDays(null, start, n);
    }

    /**
     * The day n working days after a day in a county (national schedule plus its province's), the day
     * itself not counted (n ≥ 0).
     */
    public LocalDate plusWorkingDays(String divisionCode, LocalDate start, int n) {
        Snapshot s = current();
        LocalDate end = s.of(divisionCode).plus(start, n);
        warnIfUnknown(s, start.getYear());
        warnIfUnknown(s, end.getYear());
        return end;
    }

    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    /** A deadline in a year whose schedule is not loaded counts weekdays only: say so, once a year. */
    private void warnIfUnknown(Snapshot s, int year) {
        if (!s.versions().getOrDefault(HolidaySchedule.NATIONAL, Map.of()).containsKey(year) && warned.add(year)) {
            log.warn("no holiday schedule for {} is loaded: its deadlines count weekdays only. Load the State "
                    + "Council's schedule with PUT /api/calendar/{} or a file in doudi.calendar.dir", year, year);
        }
    }

    /** National working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return current().national().between(from, to);
    }

    /** A county's working days after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(String divisionCode, LocalDate from, LocalDate to) {
        return current().of(divisionCode).between(from, to);
    }

    /**
     * The end of a day in China Standard Time, 23:59:59: deadlines fall there. Whole seconds, because
     * MySQL drivers set to send no fractional seconds (as Camunda requires) would cut them off.
     */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(TimeConfig.LEGAL_ZONE).toInstant().minusSeconds(1);
    }

    /** The years with a national schedule and the version in force. */
    public Map<Integer, Integer> versions() {
        return versions(HolidaySchedule.NATIONAL);
    }

    /** The years with a schedule of a region ({@code CN} or a province) and the version in force. */
    public Map<Integer, Integer> versions(String region) {
        return new TreeMap<>(current().versions().getOrDefault(region, Map.of()));
    }

    /** The national schedule in force for a year. */
    @Transactional(readOnly = true)
    public Optional<HolidaySchedule> schedule(int year) {
        return schedule(HolidaySchedule.NATIONAL, year);
    }

    /** A region's schedule in force for a year. */
    @Transactional(readOnly = true)
    public Optional<HolidaySchedule> schedule(String region, int year) {
        return years.findFirstByRegionAndYearOrderByVersionDesc(region, year).map(this::scheduleOf);
    }

    private HolidaySchedule scheduleOf(CalendarYear y) {
        return parse(y.content()).with(HolidaySchedule.NATIONAL.equals(y.region()) ? null : y.region(),
                y.published(), y.revision());
    }

    /**
     * Loads a year's schedule as a new version, unless it has the same days as the one in force: an
     * administrator's correction, in force from now on. Without a publication date it counts as published
     * today, so that only a file published later replaces it.
     */
    @Transactional
    public Loaded load(HolidaySchedule schedule, String source, String actor) {
        check(schedule);
        HolidaySchedule stamped = schedule.published() != null ? schedule
                : schedule.with(schedule.region(), today(), schedule.revision());
        return store(stamped, source, actor);
    }

    /**
     * Loads a shipped or dropped-in file, only when it is newer than the version in force: published later,
     * or on the same day (or both without a date) with a higher revision. A correction made over the API is
     * never overwritten by a file that is not newer, at a restart or otherwise.
     */
    @Transactional
    public Loaded loadFile(HolidaySchedule schedule, String source) {
        check(schedule);
        Optional<CalendarYear> held = years.findFirstByRegionAndYearOrderByVersionDesc(schedule.regionCode(),
                schedule.year());
        if (held.isPresent() && !newer(schedule, held.get())) {
            if (!scheduleOf(held.get()).sameDays(schedule)) {
                log.info("calendar {} {}: {} is not newer than version {} in force (published {}, revision {}), "
                        + "not loaded", schedule.regionCode(), schedule.year(), source, held.get().version(),
                        held.get().published(), held.get().revision());
            }
            return new Loaded(schedule.regionCode(), schedule.year(), held.get().version(), false, 0, 0);
        }
        return store(schedule, source, "system");
    }

    /** Whether a file is newer than the version held: by publication date, then by revision. */
    static boolean newer(HolidaySchedule file, CalendarYear held) {
        LocalDate a = file.published();
        LocalDate b = held.published();
        if (a != null && b != null && !a.equals(b)) {
            return a.isAfter(b);
        }
        if (a != null && b == null) {
            return true;
        }
        if (a == null && b != null) {
            return false;
        }
        return file.revisionNumber() > held.revision();
    }

    private void check(HolidaySchedule schedule) {
        String problem = schedule == null ? "必须提供放假安排 (a schedule is required)" : schedule.problem();
        if (problem != null) {
            throw InvalidInputException.of("schedule", problem);
        }
    }

    private Loaded store(HolidaySchedule schedule, String source, String actor) {
        String region = schedule.regionCode();
        Optional<CalendarYear> current = years.findFirstByRegionAndYearOrderByVersionDesc(region, schedule.year());
        if (current.isPresent() && scheduleOf(current.get()).sameDays(schedule)) {
            return new Loaded(region, schedule.year(), current.get().version(), false, 0, 0);
        }
        int version = current.map(c -> c.version() + 1).orElse(1);
        years.saveAndFlush(new CalendarYear(region, schedule.year(), version, schedule.published(),
                schedule.revisionNumber(), write(schedule.with(null, null, null)), source, actor, clock.instant()));
        log.info("calendar {} {}: version {} loaded from {}", region, schedule.year(), version, source);
        snapshot = EMPTY;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // what this transaction read must not outlive a rollback
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = EMPTY;
                }
            });
        }
        // Also a year's first version: deadlines computed before it counted weekdays only.
        CalendarDependents.Moved moved = CalendarDependents.Moved.NOTHING;
        for (CalendarDependents d : dependents.orderedStream().toList()) {
            moved = moved.plus(d.scheduleChanged(region, schedule.year()));
        }
        return new Loaded(region, schedule.year(), version, true, moved.tasks(), moved.timers());
    }

    HolidaySchedule parse(String content) {
        try {
            return json.readValue(content, HolidaySchedule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored calendar is not readable", e);
        }
    }

    private String write(HolidaySchedule schedule) {
        try {
            return json.writeValueAsString(schedule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = System.currentTimeMillis();
        if (s.lastId() >= 0 && now - s.loadedAtMillis() < REFRESH_MILLIS) {
            return s;
        }
        long lastId = years.lastId();
        if (lastId == s.lastId()) {
            snapshot = new Snapshot(s.lastId(), s.versions(), s.national(), s.provinces(), now);
            return snapshot;
        }
        Map<String, Map<Integer, Integer>> versions = new HashMap<>();
        Map<String, List<HolidaySchedule>> schedules = new HashMap<>();
        for (CalendarYear y : years.findCurrent()) {
            versions.computeIfAbsent(y.region(), r -> new HashMap<>()).put(y.year(), y.version());
            schedules.computeIfAbsent(y.region(), r -> new ArrayList<>()).add(parse(y.content()));
        }
        WorkingDays national = WorkingDays.of(schedules.getOrDefault(HolidaySchedule.NATIONAL, List.of()));
        Map<String, WorkingDays> provinces = new HashMap<>();
        schedules.forEach((region, list) -> {
            if (!HolidaySchedule.NATIONAL.equals(region)) {
                provinces.put(region, national.with(WorkingDays.of(list)));
            }
        });
        Map<String, Map<Integer, Integer>> frozen = new HashMap<>();
        versions.forEach((r, v) -> frozen.put(r, Map.copyOf(v)));
        snapshot = new Snapshot(lastId, Map.copyOf(frozen), national, Map.copyOf(provinces), now);
        return snapshot;
    }

    /** Today in China Standard Time, by the engine's clock. */
    public LocalDate today() {
        return TimeConfig.today(clock);
    }
}
