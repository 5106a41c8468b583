package org.doudi.monitoring.web;

import static org.doudi.shared.JsonBody.requireObject;
import static org.doudi.shared.JsonBody.text;

import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.doudi.monitoring.ComparisonRuns;
import org.doudi.monitoring.MonitoringPolicies;
import org.doudi.monitoring.MonitoringPolicy;
import org.doudi.monitoring.WatchList;
import org.doudi.monitoring.Warnings;
import org.doudi.security.Actors;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.JsonBody;
import org.doudi.shared.NotFoundException;
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
 * The monitoring's API (docs/monitoring.md): {@code POST /api/monitoring/runs {region}} → 202 {@code {runId}};
 * {@code GET /api/monitoring/runs/{runId}}; {@code GET /api/warnings?region=&status=&rule=&page=&size=};
 * {@code POST /api/warnings/triage {warningIds, action, note}}; {@code GET /api/watch-list?region=&page=&size=};
 * the counties' monitoring numbers {@code GET/POST /api/counties/{county}/monitoring-policies}.
 */
@RestController
@Tag(name = "监测预警 Monitoring")
class MonitoringController {

    private static final String SIZE = "每页条数，1–500，默认 50 / Rows per page, 1–500, default 50";

    private final ComparisonRuns runs;

    private final Warnings warnings;
    private final WatchList watchList;
    private final MonitoringPolicies policies;
    private final Actors actors;

    MonitoringController(ComparisonRuns runs, Warnings warnings, WatchList watchList, MonitoringPolicies policies,
            Actors actors) {
        this.runs = runs;
        this.warnings = warnings;
        this.watchList = watchList;
        this.policies = policies;
        this.actors = actors;
    }

    record Started(long runId) {
    }

    @Operation(summary = "开始比对 / Start a comparison run", description = """
            对一个县或乡镇开始一次比对：部门名单与保障对象、申请记录对照，按预警规则产生预警；在后台运行，回答比对编号。\
            县级审核人员，或乡镇工作人员对本乡镇。

            Starts a comparison run over a county or township: the rosters are compared with the enrolments and \
            applications, and the warning rules raise warnings; it runs in the background and the answer carries \
            its `runId`. County reviewers; caseworkers for their township.""")
    @ApiResponse(responseCode = "202", description = "已开始 / Started")
    @ApiResponse(responseCode = "409", description = "该县已有比对在运行 / The county has a run running")
    @PostMapping("/api/monitoring/runs")
    ResponseEntity<Started> start(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                    {"region": "130102"}""")))
            @RequestBody(required = false) JsonNode body) {
        requireObject(body, Set.of("region"), "比对");
        String region = text(body, "region");
        if (region == null || !region.matches("\\d{6}|\\d{9}")) {
            throw InvalidInputException.of("region", "「比对范围」须为一个县（6 位）或乡镇（9 位）的区划代码 / region must be a"
                    + " county or township code");
        }
        long runId = runs.start(region, "DEMAND", actors.currentScope(), actors.currentUserId());
        return ResponseEntity.accepted().location(URI.create("/api/monitoring/runs/" + runId)).body(new Started(runId));
    }

    @Operation(summary = "比对进度 / A comparison run", description = """
            比对的状态（RUNNING、DONE、FAILED）、比对人数、产生的预警数和用时。

            The run's status (`RUNNING`, `DONE`, `FAILED`), how many people it compared, the warnings it raised and \
            the seconds it took.""")
    @GetMapping("/api/monitoring/runs/{runId}")
    ComparisonRuns.Run run(@Parameter(description = "比对编号 / Run id") @PathVariable String runId) {
        if (!runId.matches("\\d{1,18}")) {
            throw new NotFoundException("没有编号为 " + runId + " 的比对 / no comparison run " + runId);
        }
        return runs.find(Long.parseLong(runId), actors.currentScope());
    }

    @Operation(summary = "预警列表 / Warnings", description = """
            本人辖区内的预警（身份证号脱敏），新的在前。

            The warnings of your regions (IDs masked), newest first.""")
    @GetMapping("/api/warnings")
    Warnings.Page warnings(@RequestParam(required = false) String region,
            @Parameter(description = "预警状态 / Warning status", schema = @Schema(allowableValues = { "NEW", "WATCHING",
                    "CHECKING", "DISMISSED", "RESOLVED" })) @RequestParam(required = false) String status,
            @Parameter(description = "预警规则代码 / Rule code", example = "LOW_INCOME_NOT_ENROLLED")
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String page,
            @Parameter(description = SIZE) @RequestParam(required = false) String size) {
        List<FieldViolation> v = new ArrayList<>();
        Warnings.Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = Warnings.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add(new FieldViolation("status", "「状态」须为 NEW、WATCHING、CHECKING、DISMISSED、RESOLVED 之一 / unknown"
                        + " status"));
            }
        }
        String r = rule == null || rule.isBlank() ? null : rule.strip().toUpperCase(Locale.ROOT);
        if (r != null && !r.matches("[A-Z][A-Z0-9_]{1,39}")) {
            v.add(new FieldViolation("rule", "「预警规则」须为规则代码，如 LOW_INCOME_NOT_ENROLLED / a rule code"));
        }
        int p = QueryParams.wholeNumber(page, "page", "页码", 0, 0, 100_000, v);
        int n = QueryParams.pageSize(size, 50, 500, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return warnings.list(new Warnings.Criteria(blankToNull(region), s, r, p, n), actors.currentScope());
    }

    @Operation(summary = "处理预警 / Triage warnings", description = """
            一次处理至多 1000 条预警：DISMISS 排除（须填 note）、WATCH 持续关注、CHECK 摸排核查（开始一次实地核查）；\
            回答已处理数和被拒绝的预警及原因。

            Triage of up to 1 000 warnings at once: `DISMISS` (a `note` required), `WATCH` or `CHECK` (starts a \
            field check); the answer says how many were done and which were refused, and why.""")
    @PostMapping("/api/warnings/triage")
    Warnings.TriageResult triage(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                    {"warningIds": [101, 102], "action": "CHECK", "note": "入户核实收入"}""")))
            @RequestBody(required = false) JsonNode body) {
        requireObject(body, Set.of("warningIds", "action", "note"), "预警处理");
        List<Long> ids = JsonBody.wholeNumbers(body, "warningIds", "预警编号");
        return warnings.triage(ids, text(body, "action"), text(body, "note"), actors.currentScope(),
                actors.currentUserId());
    }

    @Operation(summary = "潜在救助对象 / The watch list", description = """
            本人辖区内的潜在救助对象及其来源（REFUSAL 被拒申请、WARNING 预警、HOTLINE 热线）和下次核查日期，最早的在前。

            The people watched in your regions (潜在救助对象) with their source (`REFUSAL`, `WARNING`, `HOTLINE`) and \
            next check date, soonest first.""")
    @GetMapping("/api/watch-list")
    WatchList.Page watchList(@RequestParam(required = false) String region,
            @RequestParam(required = false) String page,
            @Parameter(description = SIZE) @RequestParam(required = false) String size) {
        List<FieldViolation> v = new ArrayList<>();
        int p = QueryParams.wholeNumber(page, "page", "页码", 0, 0, 100_000, v);
        int n = QueryParams.pageSize(size, 50, 500, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return watchList.list(blankToNull(region), p, n, actors.currentScope());
    }

    @Operation(summary = "县级监测参数 / A county's monitoring numbers", description = """
            县的监测参数各版本（按生效月份）：收入倍数、医疗自付额度、名单数量、纳入潜在救助对象的收入倍数、复查间隔。

            The county's monitoring numbers by effective month: `incomeMultiple`, `medicalThreshold`, \
            `minRosters`, `watchRefusalMultiple`, `watchRecheckMonths`.""")
    @GetMapping("/api/counties/{county}/monitoring-policies")
    List<MonitoringPolicy> policies(@PathVariable String county) {
        return policies.versions(county);
    }

    @Operation(summary = "新增监测参数 / Add monitoring numbers", description = """
            县级审核人员从某月起设定新的监测参数；不能设定过去的月份，同一月份只能设定一次。

            The county's reviewers set new monitoring numbers from a month on; not for a past month, and once per \
            month.""")
    @ApiResponse(responseCode = "201", description = "已设定 / Added")
    @ApiResponse(responseCode = "409", description = "该月已设定 / The month already has its numbers")
    @PostMapping("/api/counties/{county}/monitoring-policies")
    ResponseEntity<MonitoringPolicy> addPolicy(@PathVariable String county,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                            {"effectiveFrom": "2026-07", "incomeMultiple": 1.5, "medicalThreshold": 20000,
                             "minRosters": 3, "watchRefusalMultiple": 1.2, "watchRecheckMonths": 3}""")))
            @RequestBody(required = false) JsonNode body) {
        requireObject(body, Set.of("effectiveFrom", "incomeMultiple", "medicalThreshold", "minRosters",
                "watchRefusalMultiple", "watchRecheckMonths"), "监测参数");
        List<FieldViolation> v = new ArrayList<>();
        YearMonth from = null;
        String f = text(body, "effectiveFrom");
        if (f != null) {
            try {
                from = YearMonth.parse(f);
            } catch (DateTimeParseException e) {
                v.add(new FieldViolation("effectiveFrom", "「生效月份」格式须为 yyyy-MM / must be yyyy-MM"));
            }
        }
        BigDecimal income = decimal(body, "incomeMultiple", "收入倍数", v);
        BigDecimal medical = decimal(body, "medicalThreshold", "医疗自付费用额度（元）", v);
        BigDecimal watch = decimal(body, "watchRefusalMultiple", "纳入潜在救助对象的收入倍数", v);
        int minRosters = QueryParams.wholeNumber(text(body, "minRosters"), "minRosters", "名单数量", -1, 2, 20, v);
        int months = QueryParams.wholeNumber(text(body, "watchRecheckMonths"), "watchRecheckMonths", "复查间隔（月）", -1, 1,
                24, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        MonitoringPolicy added = policies.addVersion(new MonitoringPolicy(county, from, income, medical, minRosters,
                watch, months), actors.currentScope(), actors.currentUserId());
        return ResponseEntity.status(201).body(added);
    }

    private static BigDecimal decimal(JsonNode body, String name, String label, List<FieldViolation> v) {
        String t = text(body, name);
        if (t == null) {
            v.add(new FieldViolation(name, "「" + label + "」必须填写 / is required"));
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            v.add(new FieldViolation(name, "「" + label + "」必须是数字 / must be a number"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
