package org.doudi.monitoring.web;

import static org.doudi.shared.JsonBody.requireObject;
import static org.doudi.shared.JsonBody.text;

import java.net.URI;
import java.util.Set;

import org.doudi.monitoring.Hotline;
import org.doudi.security.Actors;
import org.doudi.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/hotline-reports {channel, kind, about: {name, idNumber?, villageCode}, text, reporter?: {name?,
 * phone?}}} → 201 {@code {reportNumber, kind, routedTo}}; {@code GET /api/hotline-reports/{reportNumber}} (the reporter
 * only for the handling county).
 */
@RestController
@Tag(name = "监测预警 Monitoring")
class HotlineController {

    private final Hotline hotline;
    private final Actors actors;

    HotlineController(Hotline hotline, Actors actors) {
        this.hotline = hotline;
        this.actors = actors;
    }

    @Operation(summary = "登记热线反映 / Take a hotline report", description = """
            登记社会救助热线、来信、网上或当面反映（channel：HOTLINE、LETTER、ONLINE、IN_PERSON；kind：MISSED 漏保 → 摸排核查，\
            WRONGLY_ENROLLED 错保 → 保障对象复核，CONDUCT 作风、OTHER 其他 → 县级办理）；反映人信息只有承办县可见。

            Takes a report (社会救助热线) by `channel` and `kind`: `MISSED` starts a field check, \
            `WRONGLY_ENROLLED` the enrolment's review, `CONDUCT`/`OTHER` the county's complaint task. The reporter \
            is shown only to the handling county.""")
    @ApiResponse(responseCode = "201", description = "已登记，回答编号和去向 / Taken: its number and where it went")
    @PostMapping("/api/hotline-reports")
    ResponseEntity<Hotline.Taken> take(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                    {"channel": "HOTLINE", "kind": "MISSED",
                     "about": {"name": "张三", "idNumber": "130102197003070012", "villageCode": "130102100201"},
                     "text": "老人独居，无收入来源", "reporter": {"name": "李四", "phone": "13800000000"}}""")))
            @RequestBody(required = false) JsonNode body) {
        requireObject(body, Set.of("channel", "kind", "about", "text", "reporter"), "热线反映");
        JsonNode about = body.get("about");
        if (about == null || !about.isObject()) {
            throw InvalidInputException.of("about", "「被反映人」必须填写（姓名、村代码，漏保和错保还须身份证号） (about is required)");
        }
        requireObject(about, Set.of("name", "idNumber", "villageCode"), "被反映人");
        JsonNode reporter = body.get("reporter");
        if (reporter != null && !reporter.isNull()) {
            requireObject(reporter, Set.of("name", "phone"), "反映人");
        }
        boolean hasReporter = reporter != null && reporter.isObject();
        Hotline.Taken taken = hotline.take(new Hotline.Report(text(body, "channel"), text(body, "kind"),
                text(about, "name"), text(about, "idNumber"), text(about, "villageCode"), text(body, "text"),
                hasReporter ? text(reporter, "name") : null, hasReporter ? text(reporter, "phone") : null),
                actors.currentScope(), actors.currentUserId());
        return ResponseEntity.created(URI.create("/api/hotline-reports/" + taken.reportNumber())).body(taken);
    }

    @Operation(summary = "热线反映 / A hotline report", description = """
            反映的内容、去向和办理情况；反映人只对承办县显示。

            The report, where it went and how it was handled; the reporter only for the handling county.""")
    @GetMapping("/api/hotline-reports/{reportNumber}")
    Hotline.View view(@Parameter(description = "反映编号 / Report number") @PathVariable String reportNumber) {

        return hotline.view(reportNumber, actors.currentScope());
    }
}
