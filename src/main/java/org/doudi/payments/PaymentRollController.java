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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The payment rolls over HTTP (contract.md, "Enrolments"): the month's roll at {@code /api/payment-rolls/{countyCode}
 * /{yyyy-MM}}, its supplementary rolls (补发名册) at {@code …/supplements/{n}}; each can be read (a page of lines),
 * generated (POST), confirmed and exported as XLSX. Who may do what: {@link RollAccess}.
 */
@RestController
@RequestMapping("/api/payment-rolls/{countyCode}/{month}")
@Tag(name = "发放名册 Payment rolls")
class PaymentRollController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String SIZE = "每页行数 / Lines per page";
    private static final String SEQUENCE = "补发名册序号，从 1 起 / Number of the supplementary roll, from 1";


    private final PaymentRolls rolls;
    private final Actors actors;

    PaymentRollController(PaymentRolls rolls, Actors actors) {
        this.rolls = rolls;
        this.actors = actors;
    }

    /** The optional body of a confirmation: the version the confirming user checked. */
    record Confirmation(Long version) {
    }

    @Operation(summary = "月度发放名册 / The month's payment roll", description = """
            县的月度发放名册（DRAFT 草稿 / CONFIRMED 已确认）：户数、人数、合计、分乡镇小计和一页明细（身份证号脱敏）。\
            县级工作人员、督办和系统管理员可看，乡镇工作人员只看本乡镇部分。

            The county's payment roll (发放名册) of the month, `DRAFT` or `CONFIRMED`: households, people, total, \
            the totals by township and a page of lines (IDs masked). For the county's staff, supervisors and \
            operators; township staff see their township's part.""")
    @ApiResponse(responseCode = "200", description = "名册及一页明细 / The roll and a page of its lines")
    @ApiResponse(responseCode = "404", description = "尚未生成，或不在本人辖区 / Not generated yet, or outside your"
            + " regions")
    @GetMapping
    RollView get(@PathVariable String countyCode, @PathVariable String month,
            @RequestParam(required = false) String page,
            @Parameter(description = SIZE) @RequestParam(required = false) String size) {
        Paging paging = paging(page, size);
        String county = PaymentRolls.countyCode(countyCode);
        return rolls.show(county, PaymentRolls.month(month), 0, access(county), paging.page(), paging.size());
    }

    @Operation(summary = "生成发放名册 / Generate the payment roll", description = """
            县级工作人员生成该月的发放名册（201），或以新数据替换草稿（200）；确认后不能再生成。

            County staff generate the month's roll (201) or replace its draft (200); not once it is confirmed.""")
    @ApiResponse(responseCode = "200", description = "草稿已替换 / The draft was replaced")
    @ApiResponse(responseCode = "201", description = "已生成 / Generated")
    @ApiResponse(responseCode = "409", description = "已确认 / Already confirmed")
    @PostMapping
    ResponseEntity<RollView> generate(@PathVariable String countyCode, @PathVariable String month) {
        String county = PaymentRolls.countyCode(countyCode);
        YearMonth m = PaymentRolls.month(month);
        PaymentRolls.Generated g = rolls.generate(county, m, access(county), actors.currentUserId());
        return g.created() ? ResponseEntity.created(URI.create("/api/payment-rolls/" + county + "/" + m)).body(g.roll())
                : ResponseEntity.ok(g.roll());
    }

    @Operation(summary = "确认发放名册 / Confirm the payment roll", description = """
            县级工作人员确认（冻结）名册；可带所核对的 version，名册此后又被重新生成则拒绝。

            County staff confirm (freeze) the roll; with the `version` they checked, a roll generated again since \
            is refused.""")
    @ApiResponse(responseCode = "200", description = "已确认的名册 / The confirmed roll")
    @ApiResponse(responseCode = "409", description = "已确认，或在 version 之后重新生成过 / Already confirmed, or generated"
            + " again since version")
    @PostMapping("/confirmation")
    RollView confirm(@PathVariable String countyCode, @PathVariable String month,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = """
                            {"version": 3}""")))
            @RequestBody(required = false) Confirmation confirmation) {
        String county = PaymentRolls.countyCode(countyCode);
        return rolls.confirm(county, PaymentRolls.month(month), 0,
                confirmation == null ? null : confirmation.version(), access(county), actors.currentUserId());
    }

    @Operation(summary = "导出发放名册（XLSX）/ Export the payment roll (XLSX)", description = """
            名册的 Excel 工作簿：乡镇、保障编号、姓名、身份证号（脱敏）、家庭人口、保障人数、金额（元）、类别、银行账户；\
            每个乡镇的小计和全县合计，与明细之和分毫不差。

            The roll as an XLSX workbook: its lines, a subtotal per township and the county's total, equal to the \
            sum of the lines to the fen.""")
    @ApiResponse(responseCode = "200", description = "XLSX", content = @Content(mediaType = XLSX,
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/export")
    void export(@PathVariable String countyCode, @PathVariable String month, HttpServletResponse response)
            throws IOException {
        String county = PaymentRolls.countyCode(countyCode);
        send(rolls.export(county, PaymentRolls.month(month), 0, access(county)), response);
    }

    @Operation(summary = "生成补发名册 / Generate a supplementary roll", description = """
            对已确认月份中确认名册未发放的部分生成补发名册（201），或替换其草稿（200）。

            A supplementary roll (补发名册) of a confirmed month: what its confirmed rolls did not pay (201), or its \
            draft replaced (200).""")
    @ApiResponse(responseCode = "200", description = "草稿已替换 / The draft was replaced")
    @ApiResponse(responseCode = "201", description = "已生成 / Generated")
    @ApiResponse(responseCode = "409", description = "该月名册仍是草稿 / The month's roll is still a draft")
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

    @Operation(summary = "补发名册 / A supplementary roll", description = """
            该月的第 n 个补发名册，内容同月度名册。

            The month's n-th supplementary roll, shaped like the month's roll.""")
    @GetMapping("/supplements/{sequence}")
    RollView getSupplement(@PathVariable String countyCode, @PathVariable String month,
            @Parameter(description = SEQUENCE) @PathVariable String sequence,
            @RequestParam(required = false) String page,
            @Parameter(description = SIZE) @RequestParam(required = false) String size) {
        Paging paging = paging(page, size);
        String county = PaymentRolls.countyCode(countyCode);
        return rolls.show(county, PaymentRolls.month(month), PaymentRolls.sequence(sequence), access(county),
                paging.page(), paging.size());
    }

    @Operation(summary = "确认补发名册 / Confirm a supplementary roll", description = """
            县级工作人员确认补发名册，同月度名册的确认。

            County staff confirm a supplementary roll, as the month's roll.""")
    @ApiResponse(responseCode = "200", description = "已确认的名册 / The confirmed roll")
    @ApiResponse(responseCode = "409", description = "已确认，或在 version 之后重新生成过 / Already confirmed, or generated"
            + " again since version")
    @PostMapping("/supplements/{sequence}/confirmation")
    RollView confirmSupplement(@PathVariable String countyCode, @PathVariable String month,
            @Parameter(description = SEQUENCE) @PathVariable String sequence,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = """
                            {"version": 1}""")))
            @RequestBody(required = false) Confirmation confirmation) {
        String county = PaymentRolls.countyCode(countyCode);
        return rolls.confirm(county, PaymentRolls.month(month), PaymentRolls.sequence(sequence),
                confirmation == null ? null : confirmation.version(), access(county), actors.currentUserId());
    }

    @Operation(summary = "导出补发名册（XLSX）/ Export a supplementary roll (XLSX)", description = """
            补发名册的 Excel 工作簿，格式同月度名册。

            The supplementary roll as an XLSX workbook, laid out as the month's.""")
    @ApiResponse(responseCode = "200", description = "XLSX", content = @Content(mediaType = XLSX,
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/supplements/{sequence}/export")
    void exportSupplement(@PathVariable String countyCode, @PathVariable String month,
            @Parameter(description = SEQUENCE) @PathVariable String sequence,
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
