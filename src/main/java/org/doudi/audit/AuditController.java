package org.doudi.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.doudi.TimeConfig;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.security.Actors;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.QueryParams;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.OutsideScopeException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/audit}: the trail for administrators (all of it) and county supervisors (their
 * county's entries); {@code GET /api/audit/verify}: whether the chain holds, for administrators.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "审计 Audit")
class AuditController {

    static final int MAX_PAGE_SIZE = 200;
    private static final int DEFAULT_PAGE_SIZE = 50;

    private final AuditQueries queries;
    private final AuditChain chain;
    private final Actors actors;

    AuditController(AuditQueries queries, AuditChain chain, Actors actors) {
        this.queries = queries;
        this.chain = chain;
        this.actors = actors;
    }

    /** {@code firstBrokenAt} is written as {@code null} when the chain holds, not left out. */
    record VerificationView(long entries, boolean valid, @JsonInclude(JsonInclude.Include.ALWAYS) Long firstBrokenAt,
            List<AuditChain.Problem> problems) {
    }

    @Operation(summary = "审计日志 / The audit trail", description = """
            审计日志，新的在前；系统管理员看全部，县级督办看本县。

            The audit trail, newest first: everything for administrators (`camunda-admin`), their county's entries \
            for county supervisors.""")
    @GetMapping
    AuditQueries.Page search(
            @Parameter(description = "案件编号 / Case number") @RequestParam(required = false) String caseNumber,
            @Parameter(description = "操作人 / Actor (user id)") @RequestParam(required = false) String actor,
            @Parameter(description = "起始：ISO 日期（北京时间）或时刻 / From: an ISO date (Asia/Shanghai) or instant",
                    example = "2026-01-01") @RequestParam(required = false) String from,
            @Parameter(description = "截止（含当日）：ISO 日期或时刻 / To (its whole day included): an ISO date or instant",
                    example = "2026-01-31") @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            @Parameter(description = "每页条数，默认 50，至多 200 / Rows per page, default 50, at most 200")
            @RequestParam(required = false) String size) {
        List<String> counties = visibleCounties();
        List<FieldViolation> violations = new ArrayList<>();
        String caseFilter = text(caseNumber, "caseNumber", "案件编号", 40, violations);
        String actorFilter = text(actor, "actor", "操作人", 64, violations);
        Instant fromInstant = moment(from, "from", "起始时间", false, violations);
        Instant toExclusive = moment(to, "to", "截止时间", true, violations);
        int pageNumber = QueryParams.wholeNumber(page, "page", "页码", 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE,
                violations);
        int pageSize = Math.min(
                QueryParams.wholeNumber(size, "size", "每页条数", DEFAULT_PAGE_SIZE, 1, Integer.MAX_VALUE, violations),
                MAX_PAGE_SIZE);
        if (fromInstant != null && toExclusive != null && !fromInstant.isBefore(toExclusive)) {
            violations.add(new FieldViolation("to", "「截止时间」须晚于「起始时间」 / must be after from"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return queries.search(new AuditQueries.Filter(caseFilter, actorFilter, fromInstant, toExclusive, counties),
                pageNumber, pageSize);
    }

    @Operation(summary = "校验审计日志 / Verify the audit trail", description = """
            系统管理员从头至尾校验审计日志的链；firstBrokenAt 为第一条校验失败的序号，完好时为 null。

            Administrators check the chain from end to end: `firstBrokenAt` is the seq of the first entry whose \
            chain fails, or null.""")
    @GetMapping("/verify")

    VerificationView verify() {
        if (!StaffScope.of(actors.currentGroupIds()).isAdmin()) {
            throw new OutsideScopeException("只有系统管理员可校验审计日志 / only administrators verify the audit trail");
        }
        AuditChain.Verification v = chain.verify();
        return new VerificationView(v.entries(), v.valid(), v.firstBrokenAt(), v.problems());
    }

    /** {@code null} for an administrator (everything), else the counties he supervises. */
    private List<String> visibleCounties() {
        List<String> groups = actors.currentGroupIds();
        if (StaffScope.of(groups).isAdmin()) {
            return null;
        }
        List<String> counties = groups.stream().map(StaffRole.COUNTY_SUPERVISOR::regionOf)
                .filter(c -> c != null).distinct().toList();
        if (counties.isEmpty()) {
            throw new OutsideScopeException("只有系统管理员和县级督办可查看审计日志 / only administrators and county"
                    + " supervisors see the audit trail");
        }
        return counties;
    }

    private static String text(String value, String name, String label, int maxLength,
            List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            violations.add(new FieldViolation(name, "「" + label + "」不能超过 " + maxLength + " 个字符 / must be at most "
                    + maxLength + " characters"));
            return null;
        }
        return trimmed;
    }

    /**
     * A date (a whole day in China Standard Time), an instant with an offset, or a local date-time in
     * China Standard Time. As the end of a range, a date includes its whole day and an instant its second.
     */
    private static Instant moment(String value, String name, String label, boolean end,
            List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(TimeConfig.LEGAL_ZONE).toInstant();
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException noOffset) {
                at = LocalDateTime.parse(v).atZone(TimeConfig.LEGAL_ZONE).toInstant();
            }
            at = at.truncatedTo(ChronoUnit.SECONDS);
            return end ? at.plusSeconds(1) : at;
        } catch (DateTimeException e) {
            violations.add(new FieldViolation(name, "「" + label + "」须为 ISO 日期（如 2026-01-31，北京时间）或时刻（如"
                    + " 2026-01-31T08:00:00Z） / must be an ISO date (Asia/Shanghai) or instant"));
            return null;
        }
    }

}
