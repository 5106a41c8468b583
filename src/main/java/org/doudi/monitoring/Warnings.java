package org.doudi.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doudi.region.RegionLevel;
import org.doudi.region.RegionService;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.shared.ExportColumn;
import org.doudi.shared.ExportSheet;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.PersonalData;
import org.doudi.shared.Texts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warnings (预警) of the comparison runs, for the township of the person's registered village to triage: dismiss
 * with a reason, watch (the watch list), or check on the ground (a field check). Lists are region-scoped and show the
 * resident ID masked.
 */
@Service
public class Warnings {

    /** Who triages: the township's caseworkers and the county's reviewers. */
    static final Set<StaffRole> TRIAGE_ROLES = EnumSet.of(StaffRole.TOWNSHIP_CASEWORKER, StaffRole.COUNTY_REVIEWER);
    static final int MAX_TRIAGE = 1000;

    public enum Status {
        NEW("待处理"), WATCHING("持续关注"), CHECKING("摸排核查中"), DISMISSED("已排除"), RESOLVED("已办结");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean open() {
            return this == NEW || this == WATCHING || this == CHECKING;
        }
    }

    public enum Action {
        DISMISS, WATCH, CHECK
    }

    private final JdbcTemplate jdbc;
    private final RegionService regions;
    private final WatchList watchList;
    private final FieldChecks fieldChecks;
    private final Clock clock;

    Warnings(JdbcTemplate jdbc, RegionService regions, WatchList watchList, FieldChecks fieldChecks, Clock clock) {
        this.fieldChecks = fieldChecks;
        this.jdbc = jdbc;
        this.regions = regions;
        this.watchList = watchList;
        this.clock = clock;
    }

    /** A warning as lists show it. */
    public record Item(
            @ExportColumn("预警编号") long warningId,
            @ExportColumn("预警规则") String rule,
            @ExportColumn("预警类别") String kind,
            @ExportColumn("预警原因") String reason,
            @ExportColumn("预警等级") String level,
            String status,
            @ExportColumn("状态") String statusLabel,
            @ExportColumn("姓名") String name,
            @ExportColumn("身份证号（脱敏）") String idNumberMasked,
            @ExportColumn("村（居）代码") String villageCode,
            @ExportColumn("村（居）") String villageName,
            @ExportColumn("乡镇代码") String townshipCode,
            @ExportColumn("预警时间") Instant raisedAt,
            @ExportColumn("比对批次") Long runId,
            @ExportColumn("处理说明") String note,
            @ExportColumn("核查编号") String fieldCheck) {
    }

    @ExportSheet("监测预警")

    public record Page(
            List<Item> items,
            @ExportColumn("页码") int page,
            @ExportColumn("每页条数") int size,
            @ExportColumn("合计条数") long total) {
    }

    public record Criteria(String region, Status status, String rule, int page, int size) {
    }

    /** A warning with what the person's id is (for the modules that act on it: field checks, the watch list). */
    record Stored(long id, String rule, String kind, String reason, String level, Status status, String idNumber,
            String name, String villageCode, String townshipCode, String countyCode, Long runId) {
    }

    static final String STORED = "select id, rule, kind, reason, level, status, id_number, name, village_code,"
            + " township_code, county_code, run_id from monitoring_warning";
    static final RowMapper<Stored> STORED_ROW = (rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), Status.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getString(11), (Long) rs.getObject(12, Long.class));

    public Page list(Criteria criteria, StaffScope scope) {
        List<String> regionCodes = regions.regionsToList(criteria.region(), scope, "查看", "预警", "warnings");
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (regionCodes != null) {
            where.add(within(regionCodes, args));
        }
        if (criteria.status() != null) {
            where.add("w.status = ?");
            args.add(criteria.status().name());
        }
        if (criteria.rule() != null) {
            where.add("w.rule = ?");
            args.add(criteria.rule());
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long offset = (long) criteria.page() * criteria.size();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(criteria.size());
        pageArgs.add(offset);
        List<Item> raw = jdbc.query("select w.id, w.rule, w.kind, w.reason, w.level, w.status, w.name, w.id_number,"
                + " w.village_code, w.township_code, w.raised_at, w.run_id, w.note, w.field_check"
                + " from monitoring_warning w" + condition + " order by w.id desc limit ? offset ?", (rs, n) -> {
                    Status s = Status.valueOf(rs.getString("status"));
                    return new Item(rs.getLong("id"), rs.getString("rule"), rs.getString("kind"), rs.getString("reason"),
                            rs.getString("level"), s.name(), s.label(), rs.getString("name"),
                            PersonalData.maskIdNumber(rs.getString("id_number")), rs.getString("village_code"), null,
                            rs.getString("township_code"), rs.getTimestamp("raised_at").toInstant(),
                            (Long) rs.getObject("run_id", Long.class), rs.getString("note"),
                            rs.getString("field_check"));
                }, pageArgs.toArray());
        Map<String, String> names = regions.names(raw.stream().map(Item::villageCode).collect(Collectors.toSet()));
        List<Item> items = raw.stream().map(i -> new Item(i.warningId(), i.rule(), i.kind(), i.reason(), i.level(),
                i.status(), i.statusLabel(), i.name(), i.idNumberMasked(), i.villageCode(), names.get(i.villageCode()),
                i.townshipCode(), i.raisedAt(), i.runId(), i.note(), i.fieldCheck())).toList();
        long total;
        if (items.size() < criteria.size() && (!items.isEmpty() || offset == 0)) {
            total = offset + items.size();
        } else {
            Long counted = jdbc.queryForObject("select count(*) from monitoring_warning w" + condition, Long.class,
                    args.toArray());
            total = counted == null ? 0 : counted;
        }
        return new Page(items, criteria.page(), criteria.size(), total);
    }

    /** A warning refused in a triage, and why (Chinese). */
    public record Refusal(long warningId, String reason) {
    }

    public record TriageResult(int done, List<Refusal> refused) {
    }

    /**
     * Triage of many warnings at once: each is done or refused on its own (outside the actor's townships, already
     * closed or being checked); a dismissal needs a reason. A check starts a field check (摸排核查, {@link FieldChecks})
     * per warning.
     */
    @Transactional
    public TriageResult triage(List<Long> warningIds, String actionName, String note, StaffScope scope, String actor) {
        List<FieldViolation> v = new ArrayList<>();
        if (warningIds == null || warningIds.isEmpty() || warningIds.size() > MAX_TRIAGE
                || warningIds.stream().anyMatch(id -> id == null)) {
            v.add(new FieldViolation("warningIds", "「预警编号」须为 1 到 " + MAX_TRIAGE + " 个编号的列表 (1 to " + MAX_TRIAGE
                    + " warning ids)"));
        }
        Action action = parseAction(actionName);
        if (action == null) {
            v.add(new FieldViolation("action", "「处理方式」须为 DISMISS（排除）、WATCH（持续关注）或 CHECK（摸排核查） (unknown"
                    + " action)"));
        }
        String text = Texts.singleLine(note);
        if (action == Action.DISMISS && (text == null || text.isBlank())) {
            v.add(new FieldViolation("note", "排除预警须填写「理由」 (a dismissal needs a reason)"));
        } else if (text != null && text.length() > 500) {
            v.add(new FieldViolation("note", "「理由」不超过 500 个字 (at most 500 characters)"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        Set<Long> ids = new LinkedHashSet<>(warningIds);
        Map<Long, Stored> found = jdbc.query(STORED + " where id in (" + ids.stream().map(i -> "?")
                .collect(Collectors.joining(", ")) + ")", STORED_ROW, ids.toArray()).stream()
                .collect(Collectors.toMap(Stored::id, Function.identity()));
        List<Refusal> refused = new ArrayList<>();
        int done = 0;
        Instant now = clock.instant();
        for (long id : ids) {
            Stored w = found.get(id);
            String why = w == null || !scope.canSee(w.villageCode()) ? "没有该预警，或不在您的辖区内"
                    : !scope.hasRoleFor(TRIAGE_ROLES, w.townshipCode()) ? "只有乡镇经办人员或县级审核人员可以处理预警"
                    : refusalOf(w.status(), action);
            if (why != null) {
                refused.add(new Refusal(id, why));
                continue;
            }
            Status to = switch (action) {
                case DISMISS -> Status.DISMISSED;
                case WATCH -> Status.WATCHING;
                case CHECK -> Status.CHECKING;
            };
            String fieldCheck = action == Action.CHECK ? fieldChecks.startFor(w, text, actor) : null;
            int changed = jdbc.update("update monitoring_warning set status = ?, open_rule = ?, triaged_by = ?,"
                    + " triaged_at = ?, note = coalesce(?, note), field_check = coalesce(?, field_check),"
                    + " version = version + 1 where id = ? and status = ?", to.name(), to.open() ? w.rule() : null,
                    actor, Timestamp.from(now), text, fieldCheck, id, w.status().name());
            if (changed == 0) {
                refused.add(new Refusal(id, "该预警已被他人处理，请刷新后重试"));
                continue;
            }
            if (action == Action.WATCH) {
                watchList.addFromWarning(w, text, actor);
            }
            done++;
        }
        return new TriageResult(done, refused);
    }

    private static String refusalOf(Status status, Action action) {
        return switch (status) {
            case NEW -> null;
            case WATCHING -> action == Action.WATCH ? "该预警已在持续关注中" : null;
            case CHECKING -> "该预警正在摸排核查中，待核查结束后处理";
            case DISMISSED, RESOLVED -> "该预警已" + status.label() + "，不能再处理";
        };
    }

    static Action parseAction(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Action.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The condition "in one of these regions" over the warning's village, township or county column. */
    static String within(List<String> codes, List<Object> args) {
        return within("w", codes, args);
    }

    /** The same over the columns of the table aliased {@code alias} (warnings, the watch list). */
    static String within(String alias, List<String> codes, List<Object> args) {
        List<String> any = new ArrayList<>();
        for (String code : codes) {
            RegionLevel level = RegionLevel.ofCode(code);
            String column = level == RegionLevel.COUNTY ? "county_code"
                    : level == RegionLevel.TOWNSHIP ? "township_code" : "village_code";
            any.add(alias + "." + column + " = ?");
            args.add(code);
        }
        return "(" + String.join(" or ", any) + ")";
    }
}
