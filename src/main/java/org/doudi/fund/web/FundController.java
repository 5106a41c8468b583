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

/** The township reserve funds (备用金): balance, ledger, replenishment and reversal by the county. */
@RestController
@RequestMapping("/api/funds/{townshipCode}")
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

    @GetMapping
    FundView get(@PathVariable String townshipCode) {
        return funds.view(townshipCode, actors.currentScope());
    }

    @PostMapping("/replenishments")
    ResponseEntity<Moved> replenish(@PathVariable String townshipCode, @RequestBody Replenishment request) {
        if (request == null) {
            throw InvalidInputException.of("amount", "is required");
        }
        FundEntry e = funds.replenish(townshipCode, request.amount(), Texts.multiLine(request.note()),
                actors.currentUserId(), actors.currentScope());
        return ResponseEntity.created(URI.create("/api/funds/" + townshipCode))
                .body(new Moved(e.kind().name(), e.amount(), e.balanceAfter(), null));
    }

    @PostMapping("/reversals")
    ResponseEntity<Moved> reverse(@PathVariable String townshipCode, @RequestBody Reversal request) {
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
