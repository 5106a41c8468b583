package org.doudi.demo.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.doudi.demo.DemoClock;
import org.doudi.region.StaffScope;
import org.doudi.security.Actors;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.OutsideScopeException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/demo/clock}: where the demo clock stands ({@code GET}, any staff) and moving it forward
 * ({@code POST {advance: "P8D"}}, {@code camunda-admin}). Without demo mode the endpoints do not exist
 * (404).
 */
@RestController
@RequestMapping("/api/demo/clock")
@ConditionalOnProperty(name = "doudi.demo", havingValue = "true")
class DemoClockController {

    private final DemoClock clock;
    private final Actors actors;

    DemoClockController(DemoClock clock, Actors actors) {
        this.clock = clock;
        this.actors = actors;
    }

    record AdvanceRequest(String advance) {
    }

    record Moved(Instant now) {
    }

    record ClockView(Instant now, String moved) {
    }

    @GetMapping
    ClockView get() {
        DemoClock.State s = clock.state();
        return new ClockView(s.now(), DemoClock.format(s.moved()));
    }

    @PostMapping
    Moved advance(@RequestBody(required = false) AdvanceRequest request) {
        if (!actors.currentGroupIds().contains(StaffScope.ADMIN_GROUP)) {
            throw new OutsideScopeException("只有系统管理员（camunda-admin）可以拨动演示时钟 (only camunda-admin moves the demo clock)");
        }
        String text = request == null ? null : request.advance();
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("advance", "拨快时长必须填写，ISO-8601 格式（如 P8D、PT12H）");
        }
        Duration by;
        try {
            by = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("advance", "拨快时长须为 ISO-8601 时长，如 P8D、PT12H（不接受月、年）");
        }
        return new Moved(clock.advance(by, actors.currentUserId()).now());
    }
}
