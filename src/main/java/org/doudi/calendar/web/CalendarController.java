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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar: {@code GET /api/calendar} (years and versions), {@code GET /api/calendar/{year}},
 * and {@code PUT /api/calendar/{year}} for administrators to load a new or corrected schedule. With
 * {@code ?province=45} each works on a province's (autonomous region's) own days off, which its counties
 * add to the national schedule. A load answers how many open tasks and timers it moved.
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

    record Loaded(int year, String region, int version, int tasksMoved, int timersMoved) {
    }

    @GetMapping
    Map<Integer, Integer> versions(@RequestParam(required = false) String province) {
        return calendar.versions(region(province));
    }

    @GetMapping("/{year}")
    HolidaySchedule get(@PathVariable int year, @RequestParam(required = false) String province) {
        return calendar.schedule(region(province), year)
                .orElseThrow(() -> new NotFoundException("no schedule for " + year));
    }

    /** {@code CN}, or the province's two digits. */
    private static String region(String province) {
        if (province == null || province.isBlank() || HolidaySchedule.NATIONAL.equalsIgnoreCase(province.trim())) {
            return HolidaySchedule.NATIONAL;
        }
        if (!province.trim().matches("[1-9][0-9]")) {
            throw InvalidInputException.of("province", "省级行政区划代码须为 2 位数字（如 45）");
        }
        return province.trim();
    }

    @PutMapping("/{year}")
    Loaded put(@PathVariable int year, @RequestParam(required = false) String province,
            @RequestBody HolidaySchedule schedule) {
        StaffScope scope = actors.currentScope();
        if (!scope.isAdmin()) {
            throw new OutsideScopeException("only administrators load calendars");
        }
        if (schedule == null || schedule.year() != year) {
            throw InvalidInputException.of("year", "must be " + year);
        }
        String region = region(province);
        if (schedule.region() != null && !schedule.region().isBlank() && !schedule.regionCode().equals(region)) {
            throw InvalidInputException.of("region", "must be " + region);
        }
        WorkingDayCalendar.Loaded loaded = calendar.load(
                schedule.with(HolidaySchedule.NATIONAL.equals(region) ? null : region, schedule.published(),
                        schedule.revision()),
                "api", actors.currentUserId());
        return new Loaded(year, loaded.region(), loaded.version(), loaded.tasksMoved(), loaded.timersMoved());
    }
}
