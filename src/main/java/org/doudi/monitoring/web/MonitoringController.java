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

/**
 * The monitoring's API (docs/monitoring.md): {@code POST /api/monitoring/runs {region}} → 202 {@code {runId}};
 * {@code GET /api/monitoring/runs/{runId}}; {@code GET /api/warnings?region=&status=&rule=&page=&size=};
 * {@code POST /api/warnings/triage {warningIds, action, note}}; {@code GET /api/watch-list?region=&page=&size=};
 * the counties' monitoring numbers {@code GET/POST /api/counties/{county}/monitoring-policies}.
 */
@RestController
class MonitoringController {

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

    @PostMapping("/api/monitoring/runs")
    ResponseEntity<Started> start(@RequestBody(required = false) JsonNode body) {
        requireObject(body, Set.of("region"), "比对");
        String region = text(body, "region");
        if (region == null || !region.matches("\\d{6}|\\d{9}")) {
            throw InvalidInputException.of("region", "「比对范围」须为一个县（6 位）或乡镇（9 位）的区划代码 / region must be a"
                    + " county or township code");
        }
        long runId = runs.start(region, "DEMAND", actors.currentScope(), actors.currentUserId());
        return ResponseEntity.accepted().location(URI.create("/api/monitoring/runs/" + runId)).body(new Started(runId));
    }

    @GetMapping("/api/monitoring/runs/{runId}")
    ComparisonRuns.Run run(@PathVariable String runId) {
        if (!runId.matches("\\d{1,18}")) {
            throw new NotFoundException("没有编号为 " + runId + " 的比对 / no comparison run " + runId);
        }
        return runs.find(Long.parseLong(runId), actors.currentScope());
    }

    @GetMapping("/api/warnings")
    Warnings.Page warnings(@RequestParam(required = false) String region,
            @RequestParam(required = false) String status, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
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

    @PostMapping("/api/warnings/triage")
    Warnings.TriageResult triage(@RequestBody(required = false) JsonNode body) {
        requireObject(body, Set.of("warningIds", "action", "note"), "预警处理");
        List<Long> ids = JsonBody.wholeNumbers(body, "warningIds", "预警编号");
        return warnings.triage(ids, text(body, "action"), text(body, "note"), actors.currentScope(),
                actors.currentUserId());
    }

    @GetMapping("/api/watch-list")
    WatchList.Page watchList(@RequestParam(required = false) String region,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        List<FieldViolation> v = new ArrayList<>();
        int p = QueryParams.wholeNumber(page, "page", "页码", 0, 0, 100_000, v);
        int n = QueryParams.pageSize(size, 50, 500, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return watchList.list(blankToNull(region), p, n, actors.currentScope());
    }

    @GetMapping("/api/counties/{county}/monitoring-policies")
    List<MonitoringPolicy> policies(@PathVariable String county) {
        return policies.versions(county);
    }

    @PostMapping("/api/counties/{county}/monitoring-policies")
    ResponseEntity<MonitoringPolicy> addPolicy(@PathVariable String county,
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
