package org.doudi.calendar.web;

import java.util.Map;

import org.doudi.calendar.HolidaySchedule;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.region.StaffScope;
import org.doudi.security.Actors;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar: {@code GET /api/calendar} (years and versions), {@code GET /api/calendar/{year}},
 * and {@code PUT /api/calendar/{year}} for administrators to load a new or corrected schedule.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final WorkingDayCalendar calendar;
    private final Actors actors;

    CalendarController(WorkingDayCalendar calendar, Actors actors) {
        this.calendar = calendar;
        this.actors = actors;
    }

    record Loaded(int year, int version) {
    }

    @GetMapping
    Map<Integer, Integer> versions() {
        return calendar.versions();
    }

    @GetMapping("/{year}")
    HolidaySchedule get(@PathVariable int year) {
        return calendar.schedule(year).orElseThrow(() -> new NotFoundException("no schedule for " + year));
    }

    @PutMapping("/{year}")
    Loaded put(@PathVariable int year, @RequestBody HolidaySchedule schedule) {
        StaffScope scope = actors.currentScope();
        if (!scope.isAdmin()) {
            throw new OutsideScopeException("only administrators load calendars");
        }
        if (schedule == null || schedule.year() != year) {
            throw InvalidInputException.of("year", "must be " + year);
        }
        return new Loaded(year, calendar.load(schedule, "api", actors.currentUserId()));
    }
}
