package org.doudi.fund.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Set;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseQueries;
import org.doudi.fund.FundEntry;
import org.doudi.fund.ReserveFunds;
import org.doudi.fund.ReserveFunds.FundView;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.security.Actors;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.OutsideScopeException;
import org.doudi.shared.Texts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The township reserve funds (备用金): balance, ledger, replenishment and reversal by the county. */
@RestController
@RequestMapping("/api/funds/{townshipCode}")
@Tag(name = "备用金 Reserve funds")
class FundController {

    private final ReserveFunds funds;
    private final CaseQueries cases;
    private final Actors actors;

    FundController(ReserveFunds funds, CaseQueries cases, Actors actors) {
        this.funds = funds;
        this.cases = cases;
        this.actors = actors;
    }

    record Replenishment(BigDecimal amount, String note) {
    }

    record Reversal(String caseNumber, String note) {
    }

    record Moved(String kind, BigDecimal amount, BigDecimal balance, String caseNumber) {
    }

    @Operation(summary = "备用金余额与台账 / Reserve fund and ledger", description = """
            乡镇备用金的余额、乡镇审批上限和台账（新的在前；kind：REPLENISHMENT 拨付、GRANT 支出（负数）、REVERSAL 冲回）；\
            乡镇工作人员、所在县及其督办可看。

            The township's reserve fund: its balance, the township's cap and the ledger, newest first (`kind`: \
            `REPLENISHMENT`, `GRANT` (negative), `REVERSAL`); for the township's staff, its county and their \
            supervisors.""")
    @GetMapping
    FundView get(@PathVariable String townshipCode) {
        return funds.view(townshipCode, actors.currentScope());
    }

    @Operation(summary = "拨付备用金 / Replenish the reserve fund", description = """
            县级工作人员向乡镇备用金拨付一笔金额（元，两位小数），可附说明。

            County staff add an amount (元, two decimals) to the township's reserve fund, with an optional note.""")
    @ApiResponse(responseCode = "201", description = "已入账 / Booked")
    @PostMapping("/replenishments")
    ResponseEntity<Moved> replenish(@PathVariable String townshipCode,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"amount": 5000.00, "note": "2026 年第二季度拨付"}""")))
            @RequestBody Replenishment request) {
        if (request == null) {
            throw InvalidInputException.of("amount", "is required");
        }
        FundEntry e = funds.replenish(townshipCode, request.amount(), Texts.multiLine(request.note()),
                actors.currentUserId(), actors.currentScope());
        return ResponseEntity.created(URI.create("/api/funds/" + townshipCode))
                .body(new Moved(e.kind().name(), e.amount(), e.balanceAfter(), null));
    }

    @Operation(summary = "冲回先行救助 / Reverse a reserve-fund grant", description = """
            县级工作人员撤销本乡镇一个案件的备用金支出，金额退回备用金。

            County staff undo a case's grant from the township's reserve fund: its amount returns to the fund.""")
    @ApiResponse(responseCode = "201", description = "已冲回 / Reversed")
    @ApiResponse(responseCode = "409", description = "已冲回过，或案件没有备用金支出 / Already reversed, or the case had no"
            + " grant")
    @PostMapping("/reversals")
    ResponseEntity<Moved> reverse(@PathVariable String townshipCode,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = """
                            {"caseNumber": "LS-2026-130102100-000007", "note": "重复发放，冲回"}""")))
            @RequestBody Reversal request) {

        StaffScope scope = actors.currentScope();
        if (!scope.hasRoleFor(Set.of(StaffRole.COUNTY_REVIEWER), townshipCode)) {
            throw new OutsideScopeException("only the county's civil-affairs staff reverse grants");
        }
        if (request == null || request.caseNumber() == null || request.caseNumber().isBlank()) {
            throw InvalidInputException.of("caseNumber", "is required");
        }
        AssistanceCase c = cases.visible(request.caseNumber().trim(), scope);
        if (!c.townshipCode().equals(townshipCode)) {
            throw InvalidInputException.of("caseNumber", "belongs to another township");
        }
        FundEntry e = funds.reverseGrant(c, actors.currentUserId(), Texts.multiLine(request.note()));
        return ResponseEntity.created(URI.create("/api/funds/" + townshipCode))
                .body(new Moved(e.kind().name(), e.amount(), e.balanceAfter(), c.caseNumber()));
    }
}
