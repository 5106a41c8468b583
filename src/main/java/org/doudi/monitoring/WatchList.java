package org.doudi.monitoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.doudi.TimeConfig;
import org.doudi.region.RegionService;
import org.doudi.region.StaffScope;
import org.doudi.shared.ExportColumn;
import org.doudi.shared.ExportSheet;
import org.doudi.shared.PersonalData;
import org.doudi.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The watch list (潜在救助对象): refused applicants close to the line (automatically), watched warnings and hotline
 * reports, one active entry per person, each due to be checked again after the county's interval.
 */
@Service
public class WatchList {

    private static final Logger log = LoggerFactory.getLogger(WatchList.class);

    public enum Source {
        REFUSAL("申请未获批准、收入接近低保标准"), WARNING("监测预警"), HOTLINE("热线举报");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final JdbcTemplate jdbc;
    private final RegionService regions;
    private final MonitoringPolicies policies;
    private final Clock clock;

    WatchList(JdbcTemplate jdbc, RegionService regions, MonitoringPolicies policies, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.policies = policies;
        this.clock = clock;
    }

    public record Item(
            @ExportColumn("编号") long entryId,
            @ExportColumn("姓名") String name,
            @ExportColumn("身份证号（脱敏）") String idNumberMasked,
            @ExportColumn("村（居）代码") String villageCode,
            @ExportColumn("村（居）") String villageName,
            @ExportColumn("乡镇代码") String townshipCode,
            String source,
            @ExportColumn("来源") String sourceLabel,
            @ExportColumn("来源编号") String sourceRef,
            @ExportColumn("关注原因") String reason,
            @ExportColumn("列入时间") Instant addedAt,
            @ExportColumn("下次核查日期") LocalDate nextCheck,
            @ExportColumn("状态") String status) {
    }

    @ExportSheet("潜在救助对象")

    public record Page(
            List<Item> items,
            @ExportColumn("页码") int page,
            @ExportColumn("每页条数") int size,
            @ExportColumn("合计条数") long total) {
    }

    /**
     * Adds a person unless he is on the list already (then nothing changes: his entry keeps its source and date).
     * Answers whether he was added.
     */
    public boolean add(String idNumber, String name, String villageCode, Source source, String sourceRef,
            String reason, String actor) {
        LocalDate today = TimeConfig.today(clock);
        int months = policies.inForce(villageCode.substring(0, 6), today).watchRecheckMonths();
        try {
            jdbc.update("insert into watch_entry (id_number, name, village_code, township_code, county_code, source,"
                    + " source_ref, reason, status, added_at, added_by, next_check, active_person) values (?, ?, ?, ?, ?,"
                    + " ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)", idNumber, name, villageCode, villageCode.substring(0, 9),
                    villageCode.substring(0, 6), source.name(), sourceRef, abbreviate(reason),
                    Timestamp.from(clock.instant()), actor, Date.valueOf(today.plusMonths(months)), idNumber);
            log.info("watch list: {} {} added from {}", source, sourceRef, actor);
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    boolean addFromWarning(Warnings.Stored w, String note, String actor) {
        String reason = w.reason() + (note == null || note.isBlank() ? "" : "；" + Texts.singleLine(note));
        return add(w.idNumber(), w.name(), w.villageCode(), Source.WARNING, String.valueOf(w.id()), reason, actor);
    }

    /**
     * A refused 低保 / 特困 applicant whose assessed per-capita income was under the county's multiple of the standard
     * goes on the list ({@code doudi.monitoring} / the county's monitoring policy: watch-refusal-multiple).
     */
    public boolean addRefusedApplicant(String caseNumber, String idNumber, String name, String villageCode,
            BigDecimal perCapitaIncome, BigDecimal standard) {
        if (perCapitaIncome == null || standard == null || standard.signum() <= 0) {
            return false;
        }
        BigDecimal multiple = policies.inForce(villageCode.substring(0, 6), TimeConfig.today(clock))
                .watchRefusalMultiple();
        if (perCapitaIncome.compareTo(standard.multiply(multiple)) >= 0) {
            return false;
        }
        return add(idNumber, name, villageCode, Source.REFUSAL, caseNumber, "申请未获批准，核定家庭人均收入 "
                + perCapitaIncome.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " 元，低于低保标准 "
                + standard.toPlainString() + " 元的 " + multiple.stripTrailingZeros().toPlainString() + " 倍",
                "system");
    }

    public Page list(String region, int page, int size, StaffScope scope) {
        List<String> codes = regions.regionsToList(region, scope, "查看", "潜在救助对象", "watch list");
        List<Object> args = new ArrayList<>();
        String condition = " where e.status = 'ACTIVE'";
        if (codes != null) {
            condition += " and " + Warnings.within("e", codes, args);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Item> raw = jdbc.query("select e.id, e.name, e.id_number, e.village_code, e.township_code, e.source,"
                + " e.source_ref, e.reason, e.added_at, e.next_check, e.status from watch_entry e" + condition
                + " order by e.next_check, e.id limit ? offset ?", (rs, n) -> {
                    Source s = Source.valueOf(rs.getString("source"));
                    return new Item(rs.getLong("id"), rs.getString("name"),
                            PersonalData.maskIdNumber(rs.getString("id_number")), rs.getString("village_code"), null,
                            rs.getString("township_code"), s.name(), s.label(), rs.getString("source_ref"),
                            rs.getString("reason"), rs.getTimestamp("added_at").toInstant(),
                            rs.getObject("next_check", LocalDate.class), rs.getString("status"));
                }, pageArgs.toArray());
        Map<String, String> names = regions.names(raw.stream().map(Item::villageCode).collect(Collectors.toSet()));
        List<Item> items = raw.stream().map(i -> new Item(i.entryId(), i.name(), i.idNumberMasked(), i.villageCode(),
                names.get(i.villageCode()), i.townshipCode(), i.source(), i.sourceLabel(), i.sourceRef(), i.reason(),
                i.addedAt(), i.nextCheck(), i.status())).toList();
        Long total = jdbc.queryForObject("select count(*) from watch_entry e" + condition, Long.class, args.toArray());
        return new Page(items, page, size, total == null ? 0 : total);
    }

    /** A person on the list whose re-check is due. */
    record Due(long id, String idNumber, String name, String villageCode, String source, String sourceRef,
            String reason) {
    }

    /**
     * Starts the due re-checks ({@code WatchListRecheck.bpmn}, daily): for each active entry whose next check is not
     * after today, at most {@code limit}, a field check (origin {@code WATCH}) unless one of the person is open, and
     * the next check moved on by the county's interval. Each entry in a transaction of its own (one refused start
     * never stops the others). Answers how many checks started.
     */
    public int startDueRechecks(int limit, FieldChecks checks, org.springframework.transaction.support.TransactionTemplate tx) {
        LocalDate today = TimeConfig.today(clock);
        List<Due> due = jdbc.query("select id, id_number, name, village_code, source, source_ref, reason from watch_entry"
                + " where status = 'ACTIVE' and next_check <= ? order by next_check, id limit ?", (rs, i) -> new Due(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), Date.valueOf(today), limit);
        int started = 0;
        for (Due d : due) {
            try {
                Boolean done = tx.execute(s -> {
                    int months = policies.inForce(d.villageCode().substring(0, 6), today).watchRecheckMonths();
                    int moved = jdbc.update("update watch_entry set next_check = ? where id = ? and status = 'ACTIVE'"
                            + " and next_check <= ?", Date.valueOf(today.plusMonths(months)), d.id(),
                            Date.valueOf(today));
                    if (moved == 0) {
                        return false; // another node took it
                    }
                    Integer open = jdbc.queryForObject("select count(*) from field_check where id_number = ? and"
                            + " status = 'OPEN'", Integer.class, d.idNumber());
                    if (open != null && open > 0) {
                        return false; // being checked already
                    }
                    checks.start("WATCH", null, d.idNumber(), d.name(), d.villageCode(), "潜在救助对象定期复查（"
                            + Source.valueOf(d.source()).label() + " " + d.sourceRef() + "）：" + d.reason(), null,
                            "system");
                    return true;
                });
                started += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("watch list entry {}: re-check not started: {}", d.id(), e.getMessage());
            }
        }
        return started;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 299) + "…";
    }
}
