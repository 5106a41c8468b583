package org.doudi.monitoring.web;

import static org.doudi.shared.JsonBody.requireObject;
import static org.doudi.shared.JsonBody.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.doudi.monitoring.Hotline;
import org.doudi.security.Actors;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.QueryParams;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
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
 * phone?}}} → 201 {@code {reportNumber, kind, routedTo}}; {@code GET /api/hotline-reports?region=&status=&kind=&page=&size=}
 * (the reports of your regions, newest first, no reporter); {@code GET /api/hotline-reports/{reportNumber}} (the
 * reporter only for the handling county).
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

    @Operation(summary = "热线反映列表 / Hotline reports", description = """
            辖区内登记的热线反映，新登记的在前，可按状态（OPEN 县级办理中、ROUTED 已转办、ANSWERED 已答复）和类型筛选；\
            不含反映人信息，反映内容中的身份证号和电话已脱敏。

            The reports about people of your regions, newest first, by `status` and `kind`; never the reporter, \
            typed IDs and phone numbers masked.""")
    @GetMapping("/api/hotline-reports")
    Hotline.Page list(@RequestParam(required = false) String region,
            @Parameter(description = "状态：OPEN 县级办理中、ROUTED 已转办、ANSWERED 已答复 / Status", schema = @Schema(
                    allowableValues = { "OPEN", "ROUTED", "ANSWERED" })) @RequestParam(required = false) String status,
            @Parameter(description = "反映类型 / Kind", schema = @Schema(allowableValues = { "MISSED", "WRONGLY_ENROLLED",
                    "CONDUCT", "OTHER" })) @RequestParam(required = false) String kind,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        List<FieldViolation> v = new ArrayList<>();
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !Hotline.STATUSES.contains(s)) {
            v.add(new FieldViolation("status", "「状态」须为 OPEN（县级办理中）、ROUTED（已转办）、ANSWERED（已答复）之一 / unknown"
                    + " status"));
        }
        String k = kind == null || kind.isBlank() ? null : kind.strip().toUpperCase(Locale.ROOT);
        if (k != null && Arrays.stream(Hotline.Kind.values()).noneMatch(x -> x.name().equals(k))) {
            v.add(new FieldViolation("kind", "「反映类型」须为 MISSED、WRONGLY_ENROLLED、CONDUCT、OTHER 之一 / unknown kind"));
        }
        int p = QueryParams.wholeNumber(page, "page", "页码", 0, 0, 100_000, v);
        int n = QueryParams.pageSize(size, 50, 500, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return hotline.list(region == null || region.isBlank() ? null : region.strip(), s, k, p, n,
                actors.currentScope());
    }

    @Operation(summary = "热线反映 / A hotline report", description = """
            反映的内容、去向和办理情况；反映人只对承办县显示。

            The report, where it went and how it was handled; the reporter only for the handling county.""")
    @GetMapping("/api/hotline-reports/{reportNumber}")
    Hotline.View view(@Parameter(description = "反映编号 / Report number") @PathVariable String reportNumber) {

        return hotline.view(reportNumber, actors.currentScope());
    }
}
