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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/demo/clock}: where the demo clock stands ({@code GET}, any staff) and moving it forward
 * ({@code POST {advance: "P8D"}}, {@code camunda-admin}). Without demo mode the endpoints do not exist
 * (404).
 */
@RestController
@RequestMapping("/api/demo/clock")
@ConditionalOnProperty(name = "doudi.demo", havingValue = "true")
@Tag(name = "演示 Demo")
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

    @Operation(summary = "演示时钟 / The demo clock", description = """
            仅演示模式：演示时钟的当前时间和已拨快的时长。

            Demo mode only: where the demo clock stands and how far it has been moved.""")
    @GetMapping
    ClockView get() {
        DemoClock.State s = clock.state();
        return new ClockView(s.now(), DemoClock.format(s.moved()));
    }

    @Operation(summary = "拨快演示时钟 / Move the demo clock forward", description = """
            仅演示模式，系统管理员：把流程引擎和应用的时钟拨快（ISO-8601 时长，至多 P366D），到期的定时随即触发。

            Demo mode only, `camunda-admin`: moves the engine and application clocks forward (an ISO-8601 \
            duration, at most `P366D`); timers that fall due fire at once.""")
    @PostMapping
    Moved advance(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = """
                    {"advance": "P8D"}"""))) @RequestBody(required = false) AdvanceRequest request) {

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
