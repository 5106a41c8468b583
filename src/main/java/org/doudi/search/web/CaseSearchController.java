package org.doudi.search.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.doudi.cases.CaseStatus;
import org.doudi.cases.Programme;
import org.doudi.search.CaseSearch;
import org.doudi.security.Actors;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.QueryParams;
import org.doudi.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/cases?q=&region=&status=&programme=&page=&size=}: case search (案件查询) within the caller's
 * regions. {@code q} is a case number (or its beginning), a full resident ID of anyone in the household, or a
 * name (at least two characters, exact or its beginning); IDs in the answer are masked.
 */
@RestController
@Tag(name = "案件 Cases")
class CaseSearchController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final CaseSearch search;
    private final Actors actors;

    CaseSearchController(CaseSearch search, Actors actors) {
        this.search = search;
        this.actors = actors;
    }

    @Operation(summary = "案件查询 / Case search", description = """
            本人辖区内的案件，新的在前。不带 q 时列出该区域的案件。

            The cases within your regions, newest first; without `q`, the region's cases.""")
    @GetMapping("/api/cases")
    CaseSearch.Page search(
            @Parameter(description = "案件编号（或其开头）、家庭任一成员的 18 位身份证号，或 2 个字以上的姓名（完全相同或开头）/ A case"
                    + " number (or its beginning), the full resident ID of anyone in the household, or a name of 2+"
                    + " characters (exact or its beginning)", example = "张三") @RequestParam(required = false) String q,
            @RequestParam(required = false) String region,
            @Parameter(description = "案件状态 / Case status", schema = @Schema(allowableValues = { "SUBMITTED",
                    "INVESTIGATION", "TOWNSHIP_REVIEW", "PUBLIC_NOTICE", "OBJECTION_REVIEW", "COUNTY_DECISION",
                    "PAPERWORK", "APPROVED", "REJECTED", "NOT_ACCEPTED", "GRANTED", "REVIEWED" }))
            @RequestParam(required = false) String status,
            @Parameter(description = "救助项目 / Programme", schema = @Schema(allowableValues = { "DIBAO", "TEKUN",
                    "TEMPORARY" })) @RequestParam(required = false) String programme,
            @RequestParam(required = false) String page,
            @Parameter(description = "每页条数，1–100，默认 20 / Rows per page, 1–100, default 20")
            @RequestParam(required = false) String size) {

        List<FieldViolation> violations = new ArrayList<>();
        String query = blankToNull(q);
        if (query != null && query.length() > CaseSearch.MAX_QUERY_LENGTH) {
            violations.add(new FieldViolation("q", "「查询内容」不能超过 " + CaseSearch.MAX_QUERY_LENGTH
                    + " 个字符 / must be at most " + CaseSearch.MAX_QUERY_LENGTH + " characters"));
            query = null;
        }
        CaseStatus statusFilter = status(blankToNull(status), violations);
        Programme programmeFilter = programme(blankToNull(programme), violations);
        int pageNumber = QueryParams.wholeNumber(page, "page", "页码", 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE,
                violations);
        int pageSize = QueryParams.pageSize(size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return search.search(new CaseSearch.Criteria(query, blankToNull(region), statusFilter, programmeFilter,
                pageNumber, pageSize), actors.currentScope());
    }

    private static CaseStatus status(String value, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return CaseStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("status", "「案件状态」须为 " + Arrays.stream(CaseStatus.values())
                    .map(s -> s.name() + "（" + s.label() + "）").collect(Collectors.joining("、"))
                    + " 之一 / unknown status"));
            return null;
        }
    }

    private static Programme programme(String value, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        return Programme.parse(value).orElseGet(() -> {
            violations.add(new FieldViolation("programme", "「救助项目」须为 " + Arrays.stream(Programme.values())
                    .map(p -> p.name() + "（" + p.label() + "）").collect(Collectors.joining("、"))
                    + " 之一 / unknown programme"));
            return null;
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
