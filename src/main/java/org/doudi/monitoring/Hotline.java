package org.doudi.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.doudi.TimeConfig;
import org.doudi.escalation.WorkSubject;
import org.doudi.escalation.WorkSubjects;
import org.doudi.household.ResidentId;
import org.doudi.periodicreview.PeriodicReviews;
import org.doudi.periodicreview.ReviewTrigger;
import org.doudi.region.Region;
import org.doudi.region.RegionService;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.shared.ExportColumn;
import org.doudi.shared.ExportSheet;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.doudi.shared.PersonalData;
import org.doudi.shared.Texts;
import org.doudi.shared.TransactionMemo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports to the social assistance hotline (社会救助热线, 防范脱保漏保), taken by staff from calls, letters, the website
 * or in person: a person or household missed goes to a field check (摸排核查); a suspected wrong enrolment starts the
 * enrolment's review; staff conduct and anything else goes to the county, which handles it by a due date in working
 * days, answers the reporter, and is escalated when late ({@code HotlineComplaint.bpmn}, a {@link WorkSubject}). The
 * reporter's name and phone are shown only to the county that handles the report, and never logged.
 */
@Service
public class Hotline implements WorkSubjects {

    private static final Logger log = LoggerFactory.getLogger(Hotline.class);

    static final String PREFIX = "RX";
    static final String PROCESS = "HotlineComplaint";
    /** Who takes reports: the township's caseworkers, the county's reviewers and supervisors, operators. */
    static final Set<StaffRole> TAKERS = EnumSet.of(StaffRole.TOWNSHIP_CASEWORKER, StaffRole.COUNTY_REVIEWER,
            StaffRole.COUNTY_SUPERVISOR);
    /** Who sees the reporter: the county that handles the report. */
    static final Set<StaffRole> HANDLERS = EnumSet.of(StaffRole.COUNTY_REVIEWER, StaffRole.COUNTY_SUPERVISOR);

    public enum Channel {
        HOTLINE("电话"), LETTER("来信"), ONLINE("网上"), IN_PERSON("来访");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Kind {
        MISSED("应保未保（漏保）"), WRONGLY_ENROLLED("不应保而保（错保）"), CONDUCT("工作人员作风问题"), OTHER("其他");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final JdbcTemplate jdbc;
    private final RegionService regions;
    private final FieldChecks fieldChecks;
    private final PeriodicReviews reviews;
    private final RuntimeService runtime;
    private final Clock clock;

    Hotline(JdbcTemplate jdbc, RegionService regions, FieldChecks fieldChecks, PeriodicReviews reviews,
            RuntimeService runtime, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.fieldChecks = fieldChecks;
        this.reviews = reviews;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** A report as taken ({@code POST /api/hotline-reports}), before checking. */
    public record Report(String channel, String kind, String aboutName, String aboutIdNumber, String villageCode,
            String text, String reporterName, String reporterPhone) {
    }

    /** The answer of a report taken: its number and where it went (an MP-, FH- number, or the county's task). */
    public record Taken(String reportNumber, String kind, String routedTo) {
    }

    @Transactional
    public Taken take(Report r, StaffScope scope, String actor) {
        List<FieldViolation> v = new ArrayList<>();
        Channel channel = parse(Channel.class, r.channel());
        if (channel == null) {
            v.add(new FieldViolation("channel", "「来源渠道」须为 HOTLINE（电话）、LETTER（来信）、ONLINE（网上）或 IN_PERSON（来访）"
                    + " (unknown channel)"));
        }
        Kind kind = parse(Kind.class, r.kind());
        if (kind == null) {
            v.add(new FieldViolation("kind", "「反映类型」须为 MISSED（漏保）、WRONGLY_ENROLLED（错保）、CONDUCT（作风问题）或"
                    + " OTHER（其他） (unknown kind)"));
        }
        String name = Texts.singleLine(r.aboutName());
        if (name == null || name.isBlank() || name.length() > 50) {
            v.add(new FieldViolation("about.name", "「被反映人姓名」必须填写，不超过 50 个字 (is required)"));
        }
        String id = r.aboutIdNumber() == null || r.aboutIdNumber().isBlank() ? null
                : ResidentId.normalised(r.aboutIdNumber());
        if (id != null && ResidentId.problemWith(id) != null) {
            v.add(new FieldViolation("about.idNumber", "「被反映人身份证号」" + ResidentId.problemWith(id)));
        } else if (id == null && (kind == Kind.MISSED || kind == Kind.WRONGLY_ENROLLED)) {
            v.add(new FieldViolation("about.idNumber", "反映漏保或错保须提供「被反映人身份证号」，以便核查 (required for this"
                    + " kind)"));
        }
        Region village = r.villageCode() == null ? null : regions.village(r.villageCode().strip()).orElse(null);
        if (village == null) {
            v.add(new FieldViolation("about.villageCode", "「村（社区）代码」须为已登记的 12 位村级代码 (unknown village)"));
        }
        String text = Texts.multiLine(r.text());
        if (text == null || text.isBlank() || text.length() > 2000) {
            v.add(new FieldViolation("text", "「反映内容」必须填写，不超过 2000 个字 (is required)"));
        }
        String reporterName = Texts.singleLine(r.reporterName());
        if (reporterName != null && reporterName.length() > 50) {
            v.add(new FieldViolation("reporter.name", "「反映人姓名」不超过 50 个字"));
        }
        String phone = Texts.singleLine(r.reporterPhone());
        if (phone != null && !phone.isBlank() && !phone.matches("[0-9+\\- ]{5,20}")) {
            v.add(new FieldViolation("reporter.phone", "「反映人电话」不是电话号码 (not a telephone number)"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (!scope.hasRoleFor(TAKERS, village.code())) {
            throw new OutsideScopeException("无权登记关于 " + village.name() + " 的热线反映 / you may not take reports for"
                    + " that village");
        }
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Kind k = kind;
        jdbc.update(c -> {
            var s = c.prepareStatement("insert into hotline_report (channel, kind, about_name, about_id_number,"
                    + " village_code, township_code, county_code, text, reporter_name, reporter_phone, status,"
                    + " received_at, received_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)",
                    new String[] { "id" });
            s.setString(1, channel.name());
            s.setString(2, k.name());
            s.setString(3, name);
            s.setString(4, id);
            s.setString(5, village.code());
            s.setString(6, village.townshipCode());
            s.setString(7, village.countyCode());
            s.setString(8, text);
            s.setString(9, reporterName == null || reporterName.isBlank() ? null : reporterName);
            s.setString(10, phone == null || phone.isBlank() ? null : phone);
            s.setTimestamp(11, Timestamp.from(now));
            s.setString(12, actor);
            return s;
        }, key);
        long rowId = key.getKey().longValue();
        String number = "%s-%d-%s-%06d".formatted(PREFIX, ZonedDateTime.ofInstant(now, TimeConfig.LEGAL_ZONE).getYear(),
                village.townshipCode(), rowId % 1_000_000);
        jdbc.update("update hotline_report set report_number = ? where id = ?", number, rowId);
        String routed;
        String reason = "热线举报 " + number + "（" + channel.label() + "，" + kind.label() + "）：" + text;
        switch (kind) {
            case MISSED -> routed = fieldChecks.start("HOTLINE", null, id, name, village.code(), reason, null, actor);
            case WRONGLY_ENROLLED -> {
                String enrolment = fieldChecks.enrolmentCovering(id).orElseThrow(() -> InvalidInputException.of(
                        "about.idNumber", "此人不是保障对象，不能按错保处理；如需核查请选择其他类型 (not enrolled)"));
                routed = reviews.start(enrolment, new PeriodicReviews.Start(ReviewTrigger.MONITORING, null, reason,
                        null, actor));
            }
            default -> routed = runtime.startProcessInstanceByKey(PROCESS, number).getId();
        }
        boolean handledByCounty = kind == Kind.CONDUCT || kind == Kind.OTHER;
        jdbc.update("update hotline_report set status = ?, routed_to = ?, process_instance_id = ? where id = ?",
                handledByCounty ? "OPEN" : "ROUTED", handledByCounty ? number : routed, handledByCounty ? routed : null,
                rowId);
        forget(number);
        log.info("hotline report {} ({}, {}) taken by {}, {}", number, channel, kind, actor,
                handledByCounty ? "to the county" : "→ " + routed);
        return new Taken(number, kind.name(), handledByCounty ? number : routed);
    }

    /** What a report's {@code status} says. */
    static String statusLabel(String status) {
        return switch (status) {
            case "OPEN" -> "县级办理中";
            case "ROUTED" -> "已转办（摸排核查或复核）";
            case "ANSWERED" -> "已答复";
            default -> status;
        };
    }

    /** The statuses a report can have. */
    public static final Set<String> STATUSES = Set.of("OPEN", "ROUTED", "ANSWERED");

    /** A report as the list shows it: no reporter (only the handling county sees him, in the report itself). */
    @ExportSheet("热线反映")
    public record Item(
            @ExportColumn("反映编号") String reportNumber,
            String channel,
            @ExportColumn("渠道") String channelLabel,
            String kind,
            @ExportColumn("类型") String kindLabel,
            @ExportColumn("被反映人") String aboutName,
            @ExportColumn("身份证号（脱敏）") String aboutIdNumberMasked,
            @ExportColumn("村（居）代码") String villageCode,
            @ExportColumn("村（居）") String villageName,
            @ExportColumn("乡镇代码") String townshipCode,
            @ExportColumn("反映内容") String text,
            String status,
            @ExportColumn("状态") String statusLabel,
            @ExportColumn("转办至") String routedTo,
            @ExportColumn("登记时间") Instant receivedAt,
            @ExportColumn("答复时间") Instant answeredAt) {
    }

    @ExportSheet("热线反映")
    public record Page(
            List<Item> items,
            @ExportColumn("页码") int page,
            @ExportColumn("每页条数") int size,
            @ExportColumn("合计条数") long total) {
    }

    /**
     * The reports about people of a region (or of all the user's regions), newest first, filtered by status and kind
     * ({@code GET /api/hotline-reports}); typed text masked as in the logs.
     */
    public Page list(String region, String status, String kind, int page, int size, StaffScope scope) {
        List<String> regionCodes = regions.regionsToList(region, scope, "查看", "热线反映", "hotline reports");
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (regionCodes != null) {
            where.add(Warnings.within("h", regionCodes, args));
        }
        if (status != null) {
            where.add("h.status = ?");
            args.add(status);
        }
        if (kind != null) {
            where.add("h.kind = ?");
            args.add(kind);
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long offset = (long) page * size;
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add(offset);
        List<Item> raw = jdbc.query("select h.report_number, h.channel, h.kind, h.about_name, h.about_id_number,"
                + " h.village_code, h.township_code, h.text, h.status, h.routed_to, h.received_at, h.answered_at"
                + " from hotline_report h" + condition + " order by h.id desc limit ? offset ?", (rs, i) -> new Item(
                        rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(2)).label(), rs.getString(3),
                        Kind.valueOf(rs.getString(3)).label(), rs.getString(4),
                        rs.getString(5) == null ? null : PersonalData.maskIdNumber(rs.getString(5)), rs.getString(6),
                        null, rs.getString(7), PersonalData.maskAll(rs.getString(8)), rs.getString(9),
                        statusLabel(rs.getString(9)), rs.getString(10), rs.getTimestamp(11).toInstant(),
                        rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant()), pageArgs.toArray());
        Map<String, String> names = regions.names(raw.stream().map(Item::villageCode).collect(Collectors.toSet()));
        List<Item> items = raw.stream().map(i -> new Item(i.reportNumber(), i.channel(), i.channelLabel(), i.kind(),
                i.kindLabel(), i.aboutName(), i.aboutIdNumberMasked(), i.villageCode(), names.get(i.villageCode()),
                i.townshipCode(), i.text(), i.status(), i.statusLabel(), i.routedTo(), i.receivedAt(), i.answeredAt()))
                .toList();
        long total;
        if (items.size() < size && (!items.isEmpty() || offset == 0)) {
            total = offset + items.size();
        } else {
            Long counted = jdbc.queryForObject("select count(*) from hotline_report h" + condition, Long.class,
                    args.toArray());
            total = counted == null ? 0 : counted;
        }
        return new Page(items, page, size, total);
    }

    /** A report as {@code GET /api/hotline-reports/{n}} shows it. */
    public record View(String reportNumber, String channel, String kind, String kindLabel, String aboutName,
            String aboutIdNumberMasked, String villageCode, String text, String status, String routedTo,
            Instant receivedAt, String answer, Instant answeredAt, Reporter reporter, boolean reporterHidden) {
    }

    public record Reporter(String name, String phone) {
    }

    public View view(String number, StaffScope scope) {
        Stored r = stored(number).filter(x -> scope.canSee(x.villageCode())).orElseThrow(() -> new NotFoundException(
                "没有编号为 " + number + " 的热线反映，或不在您的辖区内 / no report " + number));
        boolean handler = scope.hasRoleFor(HANDLERS, r.countyCode());
        boolean anyReporter = r.reporterName() != null || r.reporterPhone() != null;
        return new View(r.number(), r.channel(), r.kind(), Kind.valueOf(r.kind()).label(), r.aboutName(),
                r.aboutIdNumber() == null ? null : PersonalData.maskIdNumber(r.aboutIdNumber()), r.villageCode(),
                r.text(), r.status(), r.routedTo(), r.receivedAt(), r.answer(), r.answeredAt(),
                handler && anyReporter ? new Reporter(r.reporterName(), r.reporterPhone()) : null,
                !handler && anyReporter);
    }

    record Stored(long id, String number, String channel, String kind, String aboutName, String aboutIdNumber,
            String villageCode, String countyCode, String text, String reporterName, String reporterPhone,
            String status, String routedTo, Instant receivedAt, String answer, Instant answeredAt) {
    }

    /** The transaction's memo of reports read by number: one engine step asks for the same report several times. */
    private static final String MEMO = Hotline.class.getName() + ".stored";

    /**
     * A report by its number, read once per transaction (its task's creation asks for the subject, the group, the
     * summary and the reporter); a change of the row in this class forgets it.
     */
    Optional<Stored> stored(String number) {
        Map<String, Optional<Stored>> memo = TransactionMemo.of(MEMO);
        Optional<Stored> known = memo.get(number);
        if (known != null) {
            return known;
        }
        Optional<Stored> read = jdbc.query(SELECT + " where report_number = ?", STORED_ROW, number).stream()
                .findFirst();
        memo.put(number, read);
        return read;
    }

    private static void forget(String number) {
        TransactionMemo.<String, Optional<Stored>>of(MEMO).remove(number);
    }

    static final String SELECT = "select id, report_number, channel, kind, about_name, about_id_number, village_code,"
            + " county_code, text, reporter_name, reporter_phone, status, routed_to, received_at, answer, answered_at"
            + " from hotline_report";
    static final RowMapper<Stored> STORED_ROW = (rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(),
            rs.getString(15), rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant());

    @Override
    public Optional<WorkSubject> find(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(PREFIX + "-")) {
            return Optional.empty();
        }
        return stored(businessKey).map(r -> new WorkSubject(r.number(), "热线反映", "HOTLINE", r.villageCode()));
    }

    /** The county's group that handles a report ({@code ${hotlineRouting.group(execution)}}). */
    String group(String number) {
        return StaffRole.COUNTY_REVIEWER.groupFor(stored(number).orElseThrow().countyCode());
    }

    /** What the county's task shows: the report (the resident ID masked). */
    String summary(String number) {
        Stored r = stored(number).orElseThrow();
        String village = regions.names(List.of(r.villageCode())).getOrDefault(r.villageCode(), r.villageCode());
        return "热线反映 " + r.number() + "（" + Channel.valueOf(r.channel()).label() + "，" + Kind.valueOf(r.kind()).label()
                + "）：关于 " + r.aboutName() + (r.aboutIdNumber() == null ? "" : "（"
                        + PersonalData.maskIdNumber(r.aboutIdNumber()) + "）") + "，" + village + "\n\n" + r.text();
    }

    /** What Tasklist's cards show of the county's task: who the report is about, and the village's name. */
    Map<String, Object> card(String number) {
        Stored r = stored(number).orElseThrow();
        return Map.of("applicantName", r.aboutName(), "villageName",
                regions.names(List.of(r.villageCode())).getOrDefault(r.villageCode(), r.villageCode()));
    }

    String reporter(String number) {
        Stored r = stored(number).orElseThrow();
        if (r.reporterName() == null && r.reporterPhone() == null) {
            return "反映人未留联系方式（匿名）。";
        }
        // Process variables never hold a full phone number: the form shows it masked, the county reads it in full in
        // the report (GET /api/hotline-reports/{n}, the handling county only).
        return "反映人：" + (r.reporterName() == null ? "未留姓名" : r.reporterName()) + "；电话："
                + (r.reporterPhone() == null ? "未留" : PersonalData.maskPhone(r.reporterPhone())
                        + "（完整号码见热线反映详情，仅县级办理人员可见）");
    }

    /** The county handled the report and answered the reporter. */
    void answered(String number, String findings, String answer, String actor) {
        forget(number);
        jdbc.update("update hotline_report set status = 'ANSWERED', findings = ?, answer = ?, answered_at = ?,"
                + " answered_by = ? where report_number = ? and status = 'OPEN'", findings, answer,
                Timestamp.from(clock.instant()), actor, number);
        log.info("hotline report {} answered by {}", number, actor);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
