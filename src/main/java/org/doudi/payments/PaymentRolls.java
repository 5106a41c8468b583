package org.doudi.payments;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.doudi.TimeConfig;
import org.doudi.payments.PaymentRollStore.Line;
import org.doudi.payments.PaymentRollStore.Roll;
import org.doudi.payments.PaymentRollStore.TownshipTotal;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicy;
import org.doudi.region.Region;
import org.doudi.region.RegionLevel;
import org.doudi.region.RegionService;
import org.doudi.shared.ConflictException;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates, confirms, shows and exports the payment rolls (发放名册) of a county (docs/payment-rolls.md).
 * <p>
 * A roll's row exists before its lines: it is inserted in a short transaction of its own, where two generations of
 * the same month meet on its key (one inserts, the other finds it); each generation then locks the row, so they run
 * one after the other, and the second replaces the first's draft. A confirmed roll is never generated again.
 */
@Service
class PaymentRolls {

    private static final Logger log = LoggerFactory.getLogger(PaymentRolls.class);

    static final int DEFAULT_PAGE_SIZE = 2000;
    static final int MAX_PAGE_SIZE = 10_000;
    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final PaymentRollStore store;
    private final RegionService regions;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTx;

    PaymentRolls(PaymentRollStore store, RegionService regions, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.regions = regions;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.ownTx = new TransactionTemplate(transactions);
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A roll as the API shows it, and whether this request generated it for the first time. */
    record Generated(RollView roll, boolean created) {
    }

    // --- input ---------------------------------------------------------------------------------------------------

    /** A county code of six digits, or 400. */
    static String countyCode(String raw) {
        if (raw == null || !COUNTY_CODE.matcher(raw).matches()) {
            throw InvalidInputException.of("countyCode", "「县级区划代码」须为 6 位数字，如 130102 (a county code has 6 digits)");
        }
        return raw;
    }

    /** A month {@code yyyy-MM} from 2020-01 on, or 400. */
    static YearMonth month(String raw) {
        YearMonth month = null;
        if (raw != null && MONTH.matcher(raw).matches()) {
            try {
                month = YearMonth.parse(raw);
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        if (month == null) {
            throw InvalidInputException.of("month", "「月份」须为 yyyy-MM 格式，如 2026-03 (a month is yyyy-MM)");
        }
        if (month.isBefore(CountyPolicy.SINCE_ALWAYS)) {
            throw InvalidInputException.of("month", "「月份」不能早于 " + CountyPolicy.SINCE_ALWAYS
                    + " (no payment rolls before " + CountyPolicy.SINCE_ALWAYS + ")");
        }
        return month;
    }

    /** A supplementary roll's number, 1 or more, or 400. */
    static int sequence(String raw) {
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= 999) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInputException.of("sequence", "「补发批次」须为 1 到 999 的整数 (a supplementary roll's number is 1 to 999)");
    }

    // --- generation ----------------------------------------------------------------------------------------------

    /**
     * Generates the month's roll, or replaces its draft: 409 once it is confirmed. {@code access} null: the system
     * (the schedule), which may do so for every county.
     */
    Generated generate(String county, YearMonth month, RollAccess access, String actor) {
        Region region = requireCounty(county, access);
        if (access != null) {
            access.requireWrite(county);
        }
        requireNotTooFar(month);
        AmountRule rule = ruleOf(county, month);
        ownTx.executeWithoutResult(status -> store.insertIfAbsent(county, month, 0));
        return tx.execute(status -> {
            Roll roll = store.lock(county, month, 0).orElseThrow();
            if (roll.status() == RollStatus.CONFIRMED) {
                throw new ConflictException(region.name() + " " + month + " 的发放名册已确认（" + when(roll.confirmedAt())
                        + "，" + roll.confirmedBy() + "），不能重新生成；更正请生成补发名册（POST …/supplements） (the roll of "
                        + month + " is confirmed and frozen; a correction is a supplementary roll)");
            }
            fill(roll, rule, actor, false);
            return new Generated(view(store.find(county, month, 0).orElseThrow(), region, wholeCounty(), 0,
                    DEFAULT_PAGE_SIZE), !roll.generated());
        });
    }

    /**
     * Generates the month's supplementary roll (补发名册), or replaces its draft: what the confirmed rolls of the
     * month did not pay. 404 before the month's roll exists, 409 while it is a draft (regenerate that instead).
     */
    Generated generateSupplement(String county, YearMonth month, RollAccess access, String actor) {
        Region region = requireCounty(county, access);
        access.requireWrite(county);
        requireNotTooFar(month);
        AmountRule rule = ruleOf(county, month);
        return tx.execute(status -> {
            Roll main = store.lock(county, month, 0).filter(Roll::generated).orElseThrow(() -> notGenerated(region,
                    month, 0));
            if (main.status() != RollStatus.CONFIRMED) {
                throw new ConflictException(region.name() + " " + month + " 的发放名册尚未确认：草稿可以直接重新生成，"
                        + "补发名册只用于已确认的月份 (the month's roll is a draft: regenerate it instead)");
            }
            Roll draft = store.supplements(county, month).stream().filter(r -> r.status() == RollStatus.DRAFT)
                    .findFirst().orElse(null);
            boolean created = draft == null;
            int sequence = created ? store.nextSequence(county, month) : draft.sequence();
            if (created) {
                store.insertIfAbsent(county, month, sequence);
            }
            Roll roll = store.lock(county, month, sequence).orElseThrow();
            fill(roll, rule, actor, true);
            return new Generated(view(store.find(county, month, sequence).orElseThrow(), region, wholeCounty(), 0,
                    DEFAULT_PAGE_SIZE), created);
        });
    }

    /** The lines and totals of a locked draft, replacing what it had. */
    private void fill(Roll roll, AmountRule rule, String actor, boolean supplement) {
        long t0 = System.nanoTime();
        store.clear(roll.id());
        int lines = supplement ? store.insertSupplementLines(roll.id(), roll.countyCode(), roll.month(), rule)
                : store.insertLines(roll.id(), roll.countyCode(), roll.month(), rule);
        store.writeTotals(roll.id(), clock.instant(), actor);
        log.info("payment roll {} {} #{} generated by {}: {} lines in {} ms", roll.countyCode(), roll.month(),
                roll.sequence(), actor, lines, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Freezes a roll (county staff): 409 when it is already confirmed, or changed since the version given. */
    RollView confirm(String county, YearMonth month, int sequence, Long expectedVersion, RollAccess access,
            String actor) {
        Region region = requireCounty(county, access);
        access.requireWrite(county);
        return tx.execute(status -> {
            Roll roll = store.lock(county, month, sequence).filter(Roll::generated)
                    .orElseThrow(() -> notGenerated(region, month, sequence));
            if (roll.status() == RollStatus.CONFIRMED) {
                throw new ConflictException(name(region, month, sequence) + "已确认（" + when(roll.confirmedAt()) + "，"
                        + roll.confirmedBy() + "） (already confirmed)");
            }
            if (expectedVersion != null && expectedVersion != roll.version()) {
                throw new ConflictException(name(region, month, sequence) + "在您查看后已重新生成（现为版本 "
                        + roll.version() + "），请核对后再确认 (the draft was generated again since version "
                        + expectedVersion + ")");
            }
            store.confirm(roll.id(), clock.instant(), actor);
            log.info("payment roll {} {} #{} confirmed by {}: {} households, {} 元", county, month, sequence, actor,
                    roll.households(), roll.total());
            return view(store.find(county, month, sequence).orElseThrow(), region, wholeCounty(), 0,
                    DEFAULT_PAGE_SIZE);
        });
    }

    // --- reading -------------------------------------------------------------------------------------------------

    /** A roll, with a page of its lines: the whole county's, or the reader's townships' part. */
    RollView show(String county, YearMonth month, int sequence, RollAccess access, int page, int size) {
        Region region = requireCounty(county, access);
        Roll roll = store.find(county, month, sequence).filter(Roll::generated)
                .orElseThrow(() -> notGenerated(region, month, sequence));
        return view(roll, region, access, page, size);
    }

    /** What an export writes, checked before the first byte is sent. */
    record Export(Roll roll, String countyName, Map<String, String> townshipNames, List<TownshipTotal> townships,
            Set<String> townshipFilter, int households, int people, BigDecimal total) {

        String fileName() {
            return "发放名册-" + roll.countyCode() + "-" + roll.month()
                    + (roll.sequence() == 0 ? "" : "-补发" + roll.sequence()) + ".xlsx";
        }
    }

    Export export(String county, YearMonth month, int sequence, RollAccess access) {
        Region region = requireCounty(county, access);
        Roll roll = store.find(county, month, sequence).filter(Roll::generated)
                .orElseThrow(() -> notGenerated(region, month, sequence));
        List<TownshipTotal> seen = store.townshipTotals(roll.id()).stream()
                .filter(t -> access.sees(t.townshipCode())).toList();
        Totals totals = totals(roll, seen, access);
        return new Export(roll, region.name(), regions.names(seen.stream().map(TownshipTotal::townshipCode).toList()),
                seen, access.townshipFilter(), totals.households(), totals.people(), totals.total());
    }

    /** Writes the export (SXSSF), its lines read by a cursor. */
    void write(Export export, OutputStream out) throws IOException {
        RollWorkbook.write(export, each -> store.streamLines(export.roll().id(), export.townshipFilter(), each), out);
    }

    // --- views ---------------------------------------------------------------------------------------------------

    private record Totals(int households, int people, BigDecimal total) {
    }

    private static Totals totals(Roll roll, List<TownshipTotal> seen, RollAccess access) {
        if (access.wholeCounty()) {
            return new Totals(roll.households(), roll.people(), roll.total());
        }
        return new Totals(seen.stream().mapToInt(TownshipTotal::households).sum(),
                seen.stream().mapToInt(TownshipTotal::people).sum(),
                seen.stream().map(TownshipTotal::total).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2));
    }

    private RollView view(Roll roll, Region county, RollAccess access, int page, int size) {
        List<TownshipTotal> seen = store.townshipTotals(roll.id()).stream()
                .filter(t -> access.sees(t.townshipCode())).toList();
        Totals totals = totals(roll, seen, access);
        Map<String, String> names = regions.names(seen.stream().map(TownshipTotal::townshipCode).toList());
        List<RollView.TownshipView> byTownship = seen.stream().map(t -> new RollView.TownshipView(t.townshipCode(),
                names.get(t.townshipCode()), t.households(), t.people(), t.total())).toList();
        List<RollView.LineView> lines = store.lines(roll.id(), access.townshipFilter(), page * size, size).stream()
                .map(PaymentRolls::lineView).toList();
        List<RollView.SupplementView> supplements = roll.sequence() != 0 ? null
                : store.supplements(roll.countyCode(), roll.month()).stream()
                        .map(s -> new RollView.SupplementView(s.sequence(), s.status().name(), s.generatedAt(),
                                s.confirmedAt()))
                        .toList();
        return new RollView(roll.countyCode(), county.name(), roll.month().toString(), roll.sequence(),
                roll.status().name(), roll.status().label(), totals.households(), totals.people(), totals.total(),
                roll.generatedAt(), roll.generatedBy(), roll.confirmedAt(), roll.confirmedBy(), roll.version(),
                access.wholeCounty() ? "COUNTY" : "TOWNSHIPS", byTownship, lines, page, size, totals.households(),
                supplements);
    }

    private static RollView.LineView lineView(Line l) {
        return new RollView.LineView(l.enrolmentNumber(), l.programme(), l.townshipCode(), l.villageCode(), l.name(),
                l.idNumberMasked(), l.householdSize(), l.coveredPeople(), l.monthlyAmount(), l.amount(), l.kind(),
                LineKind.labelOf(l.kind()), l.bankAccountRef(), l.previouslyPaid());
    }

    // --- checks --------------------------------------------------------------------------------------------------

    private static RollAccess wholeCounty() {
        return new RollAccess(true, Set.of(), true);
    }

    /** The county (404 when there is none, or when the reader may not see its rolls: the same answer). */
    private Region requireCounty(String county, RollAccess access) {
        countyCode(county);
        if (access != null) {
            access.requireRead(county);
        }
        return regions.find(county).filter(r -> r.level() == RegionLevel.COUNTY)
                .orElseThrow(() -> new NotFoundException("没有县级区划 " + county + " (no such county)"));
    }

    /** Rolls are drafted up to the next month (a county that pays in advance), never further ahead. */
    private void requireNotTooFar(YearMonth month) {
        YearMonth next = YearMonth.from(TimeConfig.today(clock)).plusMonths(1);
        if (month.isAfter(next)) {
            throw InvalidInputException.of("month", "只能生成 " + next + " 及以前月份的发放名册 (rolls are generated up to "
                    + next + ")");
        }
    }

    /** The county's rounding rule in the month, from its policy version then in force. */
    private AmountRule ruleOf(String county, YearMonth month) {
        return regions.findPolicy(county, month).map(CountyPolicy::amountRule)
                .orElseThrow(() -> new ConflictException("本县 " + month + " 没有生效的地方标准，无法生成发放名册 (county "
                        + county + " has no policy in force in " + month + ")"));
    }

    private static NotFoundException notGenerated(Region county, YearMonth month, int sequence) {
        return new NotFoundException(name(county, month, sequence) + "尚未生成 (no such payment roll yet)");
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TimeConfig.LEGAL_ZONE);

    /** An instant as staff read it: China Standard Time, to the minute. */
    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    private static String name(Region county, YearMonth month, int sequence) {
        return county.name() + " " + month + (sequence == 0 ? " 的发放名册" : " 的第 " + sequence + " 批补发名册");
    }
}
