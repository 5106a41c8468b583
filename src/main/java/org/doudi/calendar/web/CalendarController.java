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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The working-day calendar: {@code GET /api/calendar} (years and versions), {@code GET /api/calendar/{year}},
 * and {@code PUT /api/calendar/{year}} for administrators to load a new or corrected schedule. With
 * {@code ?province=45} each works on a province's (autonomous region's) own days off, which its counties
 * add to the national schedule. A load answers how many open tasks and timers it moved.
 */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历 Calendar")
class CalendarController {

    private static final String PROVINCE = "省级区划代码（2 位，如 45），不填为全国 / Province code (2 digits, e.g. 45);"
            + " absent: the national schedule";
    private static final String YEAR = "年份 / Year";

    private final WorkingDayCalendar calendar;
    private final Actors actors;

    CalendarController(WorkingDayCalendar calendar, Actors actors) {
        this.calendar = calendar;
        this.actors = actors;
    }

    record Loaded(int year, String region, int version, int tasksMoved, int timersMoved) {
    }

    @Operation(summary = "日历年份与版本 / Calendar years and versions", description = """
            已载入日历的年份及其版本号。

            The years with a loaded schedule and the version of each.""")
    @GetMapping
    Map<Integer, Integer> versions(@Parameter(description = PROVINCE) @RequestParam(required = false) String province) {
        return calendar.versions(region(province));
    }

    @Operation(summary = "一年的节假日安排 / A year's schedule", description = """
            全国或某省的一年节假日（holidays）和调休上班日（workdays），及发布日期和修订号。

            A year's national (or a province's own) days off (`holidays`) and working weekends (`workdays`), with \
            the publication date and revision.""")
    @ApiResponse(responseCode = "200", description = "该年的安排 / The year's schedule")
    @ApiResponse(responseCode = "404", description = "该年尚无日历 / No schedule for the year")
    @GetMapping("/{year}")
    HolidaySchedule get(@Parameter(description = YEAR) @PathVariable int year,
            @Parameter(description = PROVINCE) @RequestParam(required = false) String province) {
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

    @Operation(summary = "载入一年的日历 / Load a year's schedule", description = """
            系统管理员载入新的或更正的节假日安排；按旧安排计算的未办事项期限、督办和流程定时随之调整，回答调整的数量。

            Administrators load a new or corrected schedule; the due dates of open tasks, escalation timers and \
            procedure timers computed with the old one move, and the answer says how many.""")
    @PutMapping("/{year}")
    Loaded put(@Parameter(description = YEAR) @PathVariable int year,
            @Parameter(description = PROVINCE) @RequestParam(required = false) String province,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"year": 2027, "published": "2026-11-10", "revision": 1,
                             "holidays": ["2027-01-01/2027-01-03", "2027-02-06/2027-02-13"],
                             "workdays": ["2027-02-20"]}""")))
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
