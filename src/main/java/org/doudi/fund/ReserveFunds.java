package org.doudi.fund;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.doudi.region.RegionLevel;
import org.doudi.region.RegionService;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.shared.ConflictException;
import org.doudi.shared.ExportColumn;
import org.doudi.shared.ExportSheet;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The townships' reserve funds. Every movement locks the fund's row, changes the balance and appends
 * its ledger entry in the caller's transaction: a grant is paid with the completion of its task or not
 * at all, and grants at the same moment queue on the row, so the fund is never overdrawn.
 */
@Service
@Transactional
public class ReserveFunds {

    private static final Logger log = LoggerFactory.getLogger(ReserveFunds.class);

    /** Who may see a fund: the township's own staff, its county, their supervisors. */
    static final Set<StaffRole> READERS = Set.of(StaffRole.TOWNSHIP_CASEWORKER, StaffRole.COUNTY_REVIEWER,
            StaffRole.TOWNSHIP_SUPERVISOR, StaffRole.COUNTY_SUPERVISOR);

    private final ReserveFundRepository funds;
    private final FundEntryRepository entries;
    private final CaseRepository cases;
    private final RegionService regions;
    private final Clock clock;

    ReserveFunds(ReserveFundRepository funds, FundEntryRepository entries, CaseRepository cases, RegionService regions,
            Clock clock) {
        this.funds = funds;
        this.entries = entries;
        this.cases = cases;
        this.regions = regions;
        this.clock = clock;
    }

    /** Pays an emergency grant for a case out of its township's fund. */
    public FundEntry grant(AssistanceCase c, BigDecimal amount, String actor) {
        ReserveFund fund = funds.lock(c.townshipCode())
                .orElseThrow(() -> new InsufficientFundsException(c.townshipCode(), BigDecimal.ZERO, amount));
        FundEntry entry = entries.save(fund.grant(amount, c.id(), actor, clock.instant()));
        log.info("case {}: {} 元 granted from the reserve fund of {}, balance {}", c.caseNumber(), amount,
                c.townshipCode(), fund.balance());
        return entry;
    }

    /** The county tops up a township's fund (creating it on the first allocation). */
    public FundEntry replenish(String townshipCode, BigDecimal amount, String note, String actor, StaffScope scope) {
        requireTownship(townshipCode);
        if (!scope.hasRoleFor(Set.of(StaffRole.COUNTY_REVIEWER), townshipCode)) {
            throw new OutsideScopeException("only the county's civil-affairs staff replenish township " + townshipCode);
        }
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw InvalidInputException.of("amount", "must be a positive amount in 元 with at most two decimals");
        }
        if (amount.compareTo(new BigDecimal("100000000")) >= 0) {
            throw InvalidInputException.of("amount", "is implausibly large");
        }
        if (note != null && note.length() > 500) {
            throw InvalidInputException.of("note", "is longer than 500 characters");
        }
        return allocate(townshipCode, amount.setScale(2), note, actor);
    }

    /** Puts money into a township's fund, creating it on the first allocation (setup and replenishment). */
    public FundEntry allocate(String townshipCode, BigDecimal amount, String note, String actor) {
        ReserveFund fund = lockOrCreate(townshipCode);
        return entries.save(fund.replenish(amount, actor, note, clock.instant()));
    }

    /** Undoes the grant of a case: its amount returns to the fund. */
    public FundEntry reverseGrant(AssistanceCase c, String actor, String note) {
        ReserveFund fund = funds.lock(c.townshipCode())
                .orElseThrow(() -> new NotFoundException("township " + c.townshipCode() + " has no reserve fund"));
        FundEntry grant = entries.findByCaseIdAndKind(c.id(), FundEntry.Kind.GRANT)
                .orElseThrow(() -> new NotFoundException("case " + c.caseNumber() + " has no reserve-fund grant"));
        if (entries.findByCaseIdAndKind(c.id(), FundEntry.Kind.REVERSAL).isPresent()) {
            throw new ConflictException("the grant of case " + c.caseNumber() + " is already reversed");
        }
        return entries.save(fund.reverse(grant, actor, note, clock.instant()));
    }

    /** The fund of a township as its staff and county see it. */
    @ExportSheet(value = "备用金台账", rows = "entries")
    public record FundView(
            @ExportColumn("乡镇代码") String townshipCode,
            @ExportColumn("当前余额（元）") BigDecimal balance,
            @ExportColumn("台账合计（元）") BigDecimal ledgerSum,
            @ExportColumn("备用金额度（元）") BigDecimal townshipCap,
            List<EntryView> entries) {
    }

    public record EntryView(
            @ExportColumn("流水号") Long id,
            @ExportColumn("时间") Instant at,
            @ExportColumn("金额（元）") BigDecimal amount,
            @ExportColumn("余额（元）") BigDecimal balanceAfter,
            @ExportColumn("案件编号") String caseNumber,
            @ExportColumn("类别") String kind,
            @ExportColumn("经办人") String actor,
            @ExportColumn("说明") String note) {
    }

    @Transactional(readOnly = true)
    public FundView view(String townshipCode, StaffScope scope) {
        requireTownship(townshipCode);
        if (!scope.hasRoleFor(READERS, townshipCode)) {
            throw new NotFoundException("no fund of township " + townshipCode);
        }
        ReserveFund fund = funds.findById(townshipCode)
                .orElseThrow(() -> new NotFoundException("township " + townshipCode + " has no reserve fund"));
        List<FundEntry> list = entries.findByTownshipCodeOrderByIdDesc(townshipCode);
        Map<Long, String> numbers = cases.findAllById(list.stream().map(FundEntry::caseId)
                .filter(Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(AssistanceCase::id, AssistanceCase::caseNumber));
        BigDecimal cap = regions.policyOf(townshipCode.substring(0, 6)).townshipCap();
        return new FundView(townshipCode, fund.balance(), entries.sumOf(townshipCode), cap, list.stream()
                .map(e -> new EntryView(e.id(), e.at(), e.amount(), e.balanceAfter(), numbers.get(e.caseId()),
                        e.kind().name(), e.actor(), e.note()))
                .toList());
    }

    /** The fund's balance (no lock), for forms and checks. */
    @Transactional(readOnly = true)
    public BigDecimal balanceOf(String townshipCode) {
        return funds.findById(townshipCode).map(ReserveFund::balance).orElse(BigDecimal.ZERO);
    }

    private void requireTownship(String code) {
        if (RegionLevel.ofCode(code) != RegionLevel.TOWNSHIP || regions.find(code).isEmpty()) {
            throw new NotFoundException("no township " + code);
        }
    }

    private ReserveFund lockOrCreate(String townshipCode) {
        // A fund is created by its first allocation; two first allocations at once: one gets a 409.
        return funds.lock(townshipCode).orElseGet(() -> funds.saveAndFlush(new ReserveFund(townshipCode)));
    }
}
