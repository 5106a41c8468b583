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

/**
 * {@code GET /api/enrolments?region=&status=&programme=&page=&size=} and {@code GET /api/enrolments/{n}}: the
 * enrolled households and persons (保障对象) within the caller's regions, as cases are.
 */
@RestController
@RequestMapping("/api/enrolments")
class EnrolmentController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final EnrolmentQueries queries;
    private final Actors actors;

    EnrolmentController(EnrolmentQueries queries, Actors actors) {
        this.queries = queries;
        this.actors = actors;
    }

    @GetMapping
    EnrolmentQueries.Page list(@RequestParam(required = false) String region,
            @RequestParam(required = false) String status, @RequestParam(required = false) String programme,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
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
