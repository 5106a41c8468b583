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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Working days (工作日) of the official schedules: weekdays, minus the holidays, plus the weekend days
 * declared working days (调休). The schedules are data (table {@code calendar_year}, newest version of
 * each year), loaded from the shipped files, from files an operator drops in, or over the admin API;
 * every node picks up a new version within a minute. A year without a schedule counts weekdays only.
 */
@Service
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    private static final long REFRESH_MILLIS = 60_000;

    private final CalendarYearRepository years;
    private final ObjectMapper json;
    private final Clock clock;

    private static final Snapshot EMPTY = new Snapshot(-1, Map.of(), new WorkingDays(Set.of(), Set.of()), 0);

    private volatile Snapshot snapshot = EMPTY;

    private record Snapshot(long lastId, Map<Integer, Integer> versions, WorkingDays days, long loadedAtMillis) {
    }

    WorkingDayCalendar(CalendarYearRepository years, ObjectMapper json, Clock clock) {
        this.years = years;
        this.json = json;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate day) {
        return current().days().isWorkingDay(day);
    }

    /** The day n working days after a day, the day itself not counted (n ≥ 0). */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        Snapshot s = current();
        LocalDate end = s.days().plus(start, n);
        warnIfUnknown(s, start.getYear());
        warnIfUnknown(s, end.getYear());
        return end;
    }

    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    /** A deadline in a year whose schedule is not loaded counts weekdays only: say so, once a year. */
    private void warnIfUnknown(Snapshot s, int year) {
        if (!s.versions().containsKey(year) && warned.add(year)) {
            log.warn("no holiday schedule for {} is loaded: its deadlines count weekdays only. Load the State "
                    + "Council's schedule with PUT /api/calendar/{} or a file in doudi.calendar.dir", year, year);
        }
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return current().days().between(from, to);
    }

    /**
     * The end of a day in China Standard Time, 23:59:59: deadlines fall there. Whole seconds, because
     * MySQL drivers set to send no fractional seconds (as Camunda requires) would cut them off.
     */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(TimeConfig.LEGAL_ZONE).toInstant().minusSeconds(1);
    }

    /** The years with a schedule and the version in force. */
    public Map<Integer, Integer> versions() {
        return new TreeMap<>(current().versions());
    }

    /** The schedule in force for a year. */
    @Transactional(readOnly = true)
    public Optional<HolidaySchedule> schedule(int year) {
        return years.findFirstByYearOrderByVersionDesc(year).map(y -> parse(y.content()));
    }

    /**
     * Loads a year's schedule as a new version, unless it equals the one in force.
     *
     * @return the version in force afterwards
     */
    @Transactional
    public int load(HolidaySchedule schedule, String source, String actor) {
        String problem = schedule == null ? "a schedule is required" : schedule.problem();
        if (problem != null) {
            throw InvalidInputException.of("schedule", problem);
        }
        String content = write(schedule);
        Optional<CalendarYear> current = years.findFirstByYearOrderByVersionDesc(schedule.year());
        if (current.isPresent() && parse(current.get().content()).equals(schedule)) {
            return current.get().version();
        }
        int version = current.map(c -> c.version() + 1).orElse(1);
        years.saveAndFlush(new CalendarYear(schedule.year(), version, content, source, actor, clock.instant()));
        log.info("calendar {}: version {} loaded from {}", schedule.year(), version, source);
        snapshot = EMPTY;
        return version;
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
            snapshot = new Snapshot(s.lastId(), s.versions(), s.days(), now);
            return snapshot;
        }
        Map<Integer, Integer> versions = new HashMap<>();
        List<HolidaySchedule> schedules = new ArrayList<>();
        for (CalendarYear y : years.findCurrent()) {
            versions.put(y.year(), y.version());
            schedules.add(parse(y.content()));
        }
        snapshot = new Snapshot(lastId, Map.copyOf(versions), WorkingDays.of(schedules), now);
        return snapshot;
    }

    /** Today in China Standard Time, by the engine's clock. */
    public LocalDate today() {
        return TimeConfig.today(clock);
    }
}
