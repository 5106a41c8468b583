package org.doudi.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.doudi.cases.CaseStateException;
import org.doudi.cases.DuplicateCaseException;
import org.doudi.cases.IntakeRefusedException;
import org.doudi.cases.StepRefusedException;
import org.doudi.fund.InsufficientFundsException;
import org.doudi.shared.ConflictException;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * The one place where failures of the {@code /api} become RFC 9457 problem details (also an unknown
 * path or a wrong method, which no controller of ours handles). Validation
 * problems carry {@code errors: [{field, message}]}; a client never sees a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String TYPE_BASE = "https://doudi.org/problems/";
    /** Jackson's message for a repeated key (DupDetector). */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return validation(e.violations());
    }

    @ExceptionHandler(DuplicateCaseException.class)
    ProblemDetail duplicate(DuplicateCaseException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "duplicate-case", "An open case already exists",
                e.getMessage());
        p.setProperty("errors", List.of(new FieldViolation(e.field(), "already has an open case in this programme")));
        if (e.existingCaseNumber() != null) {
            p.setProperty("existingCaseNumber", e.existingCaseNumber());
        }
        return p;
    }

    @ExceptionHandler(CaseStateException.class)
    ProblemDetail state(CaseStateException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "case-state", "Not possible in the case's current status",
                e.getMessage());
        p.setProperty("caseStatus", e.status() == null ? null : e.status().name());
        return p;
    }

    /** A process step the case refused (reached through the API's own calls into the engine). */
    @ExceptionHandler(StepRefusedException.class)
    ProblemDetail stepRefused(StepRefusedException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "step-refused", "Not possible for this case",
                e.getMessage());
        if (e.caseNumber() != null) {
            p.setProperty("caseNumber", e.caseNumber());
        }
        return p;
    }

    @ExceptionHandler(IntakeRefusedException.class)
    ProblemDetail refused(IntakeRefusedException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "application-refused", "Application refused by a rule",
                e.getMessage());
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Not possible now", e.getMessage());
    }

    @ExceptionHandler(InsufficientFundsException.class)
    ProblemDetail insufficient(InsufficientFundsException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "insufficient-funds", "Insufficient reserve fund",
                e.getMessage());
        p.setProperty("balance", e.balance());
        return p;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.warn("refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "conflict", "Conflicting change",
                "the change conflicts with one already made (e.g. done twice); nothing was changed");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(OutsideScopeException.class)
    ProblemDetail forbidden(OutsideScopeException e) {
        return problem(HttpStatus.FORBIDDEN, "outside-scope", "Outside your region or role", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler({ObjectOptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ProblemDetail concurrent(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed at the same time by someone else",
                "the case changed while this request ran; reload and try again");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure of an API request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request failed; nothing was changed. The failure is logged.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = "body";
        String message = "is not valid JSON";
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = path(mapping.getPath());
            message = mapping instanceof InvalidFormatException invalid && invalid.getTargetType() == BigDecimal.class
                    ? "must be an amount in ASCII digits, e.g. 100 or 100.50 (金额只能用半角数字)"
                    : "has the wrong type";
        }
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            // Two values for one key: which one counts would be up to the parser, so the request is refused.
            // Jackson's path names the object that holds the key (none at the top level).
            field = field.equals("body") ? duplicate : field + "." + duplicate;
            message = "appears twice in the request (字段重复)";
        }
        return ResponseEntity.badRequest().body(validation(List.of(new FieldViolation(field, message))));
    }

    /**
     * A format the answer does not come in ({@code format=pdf}, or XLSX of an answer that is not a list): 406, as
     * problem JSON whatever was asked for (the content type set here is not negotiated again).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail p = problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Format not available",
                "此回答没有所要的格式：列表可为 json 或 xlsx，其余回答只有 json / the answer does not come in the"
                        + " requested format (lists: json or xlsx; other answers: json)");
        p.setProperty("errors", List.of(Map.of("field", "format", "message",
                "「格式」须为 json，列表也可为 xlsx / format must be json, or xlsx for a list")));
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    /** The key that a request repeats (refused by Jackson's strict duplicate detection), or null. */
    private static String duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException read) {
                Matcher m = DUPLICATE_FIELD.matcher(String.valueOf(read.getOriginalMessage()));
                if (m.matches()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                if (!s.isEmpty()) {
                    s.append('.');
                }
                s.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    static ProblemDetail validation(List<FieldViolation> violations) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                violations.size() == 1 ? violations.get(0).field() + " " + violations.get(0).message()
                        : violations.size() + " fields are invalid");
        p.setProperty("errors", violations.stream().map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList());
        return p;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setTitle(title);
        return p;
    }
}
