package org.doudi.enrolment.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.doudi.cases.Programme;
import org.doudi.enrolment.EnrolmentQueries;
import org.doudi.enrolment.EnrolmentStatus;
import org.doudi.security.Actors;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.QueryParams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/enrolments?region=&status=&programme=&page=&size=} and {@code GET /api/enrolments/{n}}: the
 * enrolled households and persons (保障对象) within the caller's regions, as cases are.
 */
@RestController
@RequestMapping("/api/enrolments")
@Tag(name = "保障对象 Enrolments")
class EnrolmentController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final EnrolmentQueries queries;
    private final Actors actors;

    EnrolmentController(EnrolmentQueries queries, Actors actors) {
        this.queries = queries;
        this.actors = actors;
    }

    @Operation(summary = "保障对象列表 / Enrolled households", description = """
            本人辖区内的保障对象（每次低保、特困批准后产生），新的在前。

            The enrolled households and persons (保障对象, one per approved 低保 or 特困 case) within your regions, \
            newest first.""")
    @GetMapping
    EnrolmentQueries.Page list(@RequestParam(required = false) String region,
            @Parameter(description = "保障状态 / Enrolment status", schema = @Schema(allowableValues = { "ACTIVE",
                    "UNDER_REVIEW", "PHASING_OUT", "SUSPENDED", "ENDED" }))
            @RequestParam(required = false) String status,
            @Parameter(description = "救助项目（临时救助不纳入保障对象）/ Programme (temporary assistance enrols nobody)",
                    schema = @Schema(allowableValues = { "DIBAO", "TEKUN" }))
            @RequestParam(required = false) String programme,
            @RequestParam(required = false) String page,
            @Parameter(description = "每页条数，1–100，默认 20 / Rows per page, 1–100, default 20")
            @RequestParam(required = false) String size) {
        List<FieldViolation> violations = new ArrayList<>();
        EnrolmentStatus statusFilter = status(blankToNull(status), violations);
        Programme programmeFilter = programme(blankToNull(programme), violations);
        int pageNumber = QueryParams.wholeNumber(page, "page", "页码", 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE,
                violations);
        int pageSize = QueryParams.pageSize(size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return queries.list(new EnrolmentQueries.Criteria(blankToNull(region), statusFilter, programmeFilter,
                pageNumber, pageSize), actors.currentScope());
    }

    @Operation(summary = "保障对象详情 / An enrolled household", description = """
            保障对象及其成员（身份证号脱敏）、金额历史及分项、复核、发放记录和停保情况。

            The enrolment with its members (IDs masked), its amount history and lines, reviews, payments and its \
            stop, if any.""")
    @ApiResponse(responseCode = "200", description = "保障对象 / The enrolment")
    @ApiResponse(responseCode = "404", description = "不存在或不在本人辖区 / No such enrolment, or outside your regions")
    @GetMapping("/{enrolmentNumber}")

    EnrolmentQueries.Details get(@PathVariable String enrolmentNumber) {
        return queries.details(enrolmentNumber, actors.currentScope());
    }

    private static EnrolmentStatus status(String value, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return EnrolmentStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("status", "「保障状态」须为 " + Arrays.stream(EnrolmentStatus.values())
                    .map(s -> s.name() + "（" + s.label() + "）").collect(Collectors.joining("、"))
                    + " 之一 / unknown status"));
            return null;
        }
    }

    private static Programme programme(String value, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        Programme p = Programme.parse(value).orElse(null);
        if (p == null || p == Programme.TEMPORARY) {
            violations.add(new FieldViolation("programme", "「救助项目」须为 DIBAO（" + Programme.DIBAO.label() + "）或 TEKUN（"
                    + Programme.TEKUN.label() + "）；临时救助不纳入保障对象 / must be DIBAO or TEKUN"));
            return null;
        }
        return p;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
