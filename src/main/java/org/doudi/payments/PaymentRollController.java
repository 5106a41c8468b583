package org.doudi.payments;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.doudi.security.Actors;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.QueryParams;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The payment rolls over HTTP (contract.md, "Enrolments"): the month's roll at {@code /api/payment-rolls/{countyCode}
 * /{yyyy-MM}}, its supplementary rolls (补发名册) at {@code …/supplements/{n}}; each can be read (a page of lines),
 * generated (POST), confirmed and exported as XLSX. Who may do what: {@link RollAccess}.
 */
@RestController
@RequestMapping("/api/payment-rolls/{countyCode}/{month}")
class PaymentRollController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PaymentRolls rolls;
    private final Actors actors;

    PaymentRollController(PaymentRolls rolls, Actors actors) {
        this.rolls = rolls;
        this.actors = actors;
    }

    /** The optional body of a confirmation: the version the confirming user checked. */
    record Confirmation(Long version) {
    }

    @GetMapping
    RollView get(@PathVariable String countyCode, @PathVariable String month,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Paging paging = paging(page, size);
        String county = PaymentRolls.countyCode(countyCode);
        return rolls.show(county, PaymentRolls.month(month), 0, access(county), paging.page(), paging.size());
    }

    @PostMapping
    ResponseEntity<RollView> generate(@PathVariable String countyCode, @PathVariable String month) {
        String county = PaymentRolls.countyCode(countyCode);
        YearMonth m = PaymentRolls.month(month);
        PaymentRolls.Generated g = rolls.generate(county, m, access(county), actors.currentUserId());
        return g.created() ? ResponseEntity.created(URI.create("/api/payment-rolls/" + county + "/" + m)).body(g.roll())
                : ResponseEntity.ok(g.roll());
    }

    @PostMapping("/confirmation")
    RollView confirm(@PathVariable String countyCode, @PathVariable String month,
            @RequestBody(required = false) Confirmation confirmation) {
        String county = PaymentRolls.countyCode(countyCode);
        return rolls.confirm(county, PaymentRolls.month(month), 0,
                confirmation == null ? null : confirmation.version(), access(county), actors.currentUserId());
    }

    @GetMapping("/export")
    void export(@PathVariable String countyCode, @PathVariable String month, HttpServletResponse response)
            throws IOException {
        String county = PaymentRolls.countyCode(countyCode);
        send(rolls.export(county, PaymentRolls.month(month), 0, access(county)), response);
    }

    @PostMapping("/supplements")
    ResponseEntity<RollView> generateSupplement(@PathVariable String countyCode, @PathVariable String month) {
        String county = PaymentRolls.countyCode(countyCode);
        YearMonth m = PaymentRolls.month(month);
        PaymentRolls.Generated g = rolls.generateSupplement(county, m, access(county), actors.currentUserId());
        return g.created()
                ? ResponseEntity.created(URI.create("/api/payment-rolls/" + county + "/" + m + "/supplements/"
                        + g.roll().sequence())).body(g.roll())
                : ResponseEntity.ok(g.roll());
    }

    @GetMapping("/supplements/{sequence}")
    RollView getSupplement(@PathVariable String countyCode, @PathVariable String month, @PathVariable String sequence,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Paging paging = paging(page, size);
        String county = PaymentRolls.countyCode(countyCode);
        return rolls.show(county, PaymentRolls.month(month), PaymentRolls.sequence(sequence), access(county),
                paging.page(), paging.size());
    }

    @PostMapping("/supplements/{sequence}/confirmation")
    RollView confirmSupplement(@PathVariable String countyCode, @PathVariable String month,
            @PathVariable String sequence, @RequestBody(required = false) Confirmation confirmation) {
        String county = PaymentRolls.countyCode(countyCode);
        return rolls.confirm(county, PaymentRolls.month(month), PaymentRolls.sequence(sequence),
                confirmation == null ? null : confirmation.version(), access(county), actors.currentUserId());
    }

    @GetMapping("/supplements/{sequence}/export")
    void exportSupplement(@PathVariable String countyCode, @PathVariable String month, @PathVariable String sequence,
            HttpServletResponse response) throws IOException {
        String county = PaymentRolls.countyCode(countyCode);
        send(rolls.export(county, PaymentRolls.month(month), PaymentRolls.sequence(sequence), access(county)),
                response);
    }

    private RollAccess access(String county) {
        return RollAccess.of(actors.currentGroupIds(), county);
    }

    /** Streams the workbook: everything that can refuse has been checked before the status is sent. */
    private void send(PaymentRolls.Export export, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(export.fileName(), StandardCharsets.UTF_8).build().toString());
        rolls.write(export, response.getOutputStream());
        response.flushBuffer();
    }

    private record Paging(int page, int size) {
    }

    private static Paging paging(String page, String size) {
        List<FieldViolation> violations = new ArrayList<>();
        int p = QueryParams.wholeNumber(page, "page", "页码", 0, 0, 100_000, violations);
        int s = QueryParams.wholeNumber(size, "size", "每页行数", PaymentRolls.DEFAULT_PAGE_SIZE, 1,
                PaymentRolls.MAX_PAGE_SIZE, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Paging(p, s);
    }
}
