package org.doudi.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.doudi.TimeConfig;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseIntake;
import org.doudi.escalation.WorkSubject;
import org.doudi.escalation.WorkSubjects;
import org.doudi.periodicreview.PeriodicReviews;
import org.doudi.periodicreview.ReviewTrigger;
import org.doudi.referral.Referrals;
import org.doudi.region.RegionService;
import org.doudi.shared.PersonalData;
import org.doudi.shared.RefusedSubmission;
import org.doudi.shared.TransactionMemo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Field checks (摸排核查, {@code FieldCheck.bpmn}): a flagged person checked on the ground by the village clerk and the
 * township caseworker, with a due date in working days and the same escalation as every task (a {@link WorkSubject}
 * of the escalation: business key {@code MP-<year>-<township>-<6>}). The outcome acts: {@code apply} starts an
 * application (低保, 特困 or 临时) for the person, marked 主动发现 and linked to the check; {@code review} starts the review
 * of the enrolment that covers him (trigger MONITORING); {@code refer} refers him to the county poverty office (the
 * {@code PovertyOfficeReferral} process, keyed by the check's number: he has no case); {@code watch} puts him on the
 * watch list; {@code no-need} closes the warning with the findings.
 */
@Service
public class FieldChecks implements WorkSubjects {

    private static final Logger log = LoggerFactory.getLogger(FieldChecks.class);

    static final String PROCESS = "FieldCheck";
    static final String PREFIX = "MP";
    static final String VARIANT = "FIELD_CHECK";
    static final Set<String> OUTCOMES = Set.of("apply", "refer", "review", "watch", "no-need");
    static final Set<String> PROGRAMMES = Set.of("DIBAO", "TEKUN", "TEMPORARY");

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final RegionService regions;
    private final WatchList watchList;
    private final CaseIntake intake;
    private final PeriodicReviews reviews;
    private final Referrals referrals;
    private final Clock clock;

    FieldChecks(JdbcTemplate jdbc, RuntimeService runtime, RegionService regions, WatchList watchList,
            CaseIntake intake, PeriodicReviews reviews, Referrals referrals, Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.regions = regions;
        this.watchList = watchList;
        this.intake = intake;
        this.reviews = reviews;
        this.referrals = referrals;
        this.clock = clock;
    }

    /** A field check as its task and its outcome need it. */
    public record Check(long id, String number, Long warningId, String idNumber, String name, String villageCode,
            String reason, String note, String status, String kind) {
    }

    /** Starts the check of a warning (triage CHECK), in the caller's transaction; answers its number. */
    String startFor(Warnings.Stored w, String note, String actor) {
        return start("WARNING", w.id(), w.idNumber(), w.name(), w.villageCode(), w.reason(), note, actor);
    }

    /**
     * Starts a check of a person (origin {@code WARNING} with its warning, or {@code HOTLINE}), in the caller's
     * transaction: the row, its number, the FieldCheck instance. Answers the number.
     */
    String start(String origin, Long warningId, String idNumber, String name, String villageCode, String reason,
            String note, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        java.time.Instant now = clock.instant();
        jdbc.update(c -> {
            var s = c.prepareStatement("insert into field_check (warning_id, origin, id_number, name, village_code,"
                    + " township_code, county_code, reason, note, status, started_at, started_by, version) values (?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, 0)", new String[] { "id" });
            s.setObject(1, warningId, java.sql.Types.BIGINT);
            s.setString(2, origin);
            s.setString(3, idNumber);
            s.setString(4, name);
            s.setString(5, villageCode);
            s.setString(6, villageCode.substring(0, 9));
            s.setString(7, villageCode.substring(0, 6));
            s.setString(8, reason.length() <= 300 ? reason : reason.substring(0, 299) + "…");
            s.setString(9, note);
            s.setTimestamp(10, Timestamp.from(now));
            s.setString(11, actor);
            return s;
        }, key);
        long id = key.getKey().longValue();
        String number = "%s-%d-%s-%06d".formatted(PREFIX, ZonedDateTime.ofInstant(now, TimeConfig.LEGAL_ZONE).getYear(),
                villageCode.substring(0, 9), id % 1_000_000);
        jdbc.update("update field_check set check_number = ? where id = ?", number, id);
        String instance = runtime.startProcessInstanceByKey(PROCESS, number).getId();
        jdbc.update("update field_check set process_instance_id = ? where id = ?", instance, id);
        log.info("field check {} ({}{}) started by {}", number, origin, warningId == null ? "" : " " + warningId,
                actor);
        return number;
    }

    /** The enrolment that covers a person now, if any. */
    Optional<String> enrolmentCovering(String idNumber) {
        return enrolmentOf(idNumber);
    }

    @Override
    public Optional<WorkSubject> find(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(PREFIX + "-")) {
            return Optional.empty();
        }
        return check(businessKey).map(c -> new WorkSubject(c.number(), "摸排核查", VARIANT, c.villageCode()));
    }

    /** The transaction's memo of checks read by number: one engine step asks for the same check several times. */
    private static final String MEMO = FieldChecks.class.getName() + ".checks";

    /**
     * A check by its number, read once per transaction (its task's creation asks for the subject, the groups and
     * what the form shows; its end for the outcome's check and the outcome); {@link #finish} forgets it.
     */
    Optional<Check> check(String number) {
        Map<String, Optional<Check>> memo = TransactionMemo.of(MEMO);
        return memo.computeIfAbsent(number, this::read);
    }

    private Optional<Check> read(String number) {
        return jdbc.query("select f.id, f.check_number, f.warning_id, f.id_number, f.name, f.village_code, f.reason,"
                + " f.note, f.status, w.kind from field_check f left join monitoring_warning w on w.id = f.warning_id"
                + " where f.check_number = ?", (rs, i) -> new Check(rs.getLong(1), rs.getString(2),
                        (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)), number)
                .stream().findFirst();
    }

    /** The candidate groups of the check's task: the village clerk and the township caseworkers. */
    public String groups(String number) {
        Check c = check(number).orElseThrow(() -> new IllegalStateException("no field check " + number));
        return "village-" + c.villageCode() + ",township-" + c.villageCode().substring(0, 9);
    }

    /** What the check's form shows: who, why, what the rosters say (the resident ID masked). */
    record Shown(String summary, String reason, String rosters, String name, String villageName) {
    }

    Shown shown(String number) {
        Check c = check(number).orElseThrow(() -> new IllegalStateException("no field check " + number));
        String village = regions.names(List.of(c.villageCode())).getOrDefault(c.villageCode(), c.villageCode());
        boolean enrolled = enrolmentOf(c.idNumber()).isPresent();
        String summary = "摸排核查 " + c.number() + "：" + c.name() + "（" + PersonalData.maskIdNumber(c.idNumber()) + "），"
                + village + (enrolled ? "；现为保障对象" : "；未纳入低保或特困");
        String reason = c.reason() + (c.note() == null || c.note().isBlank() ? "" : "\n\n分派说明：" + c.note());
        List<String> rows = jdbc.query("select b.source, p.category, p.amount, p.disability_grade, p.serious_illness,"
                + " p.per_capita_income, p.event_date from roster_person p join roster_batch b on b.id = p.batch_id"
                + " where p.id_number = ? and b.status = 'LOADED' order by b.id desc, p.line limit 20", (rs, i) -> {
                    StringBuilder t = new StringBuilder("- ").append(RosterSource.parse(rs.getString(1))
                            .map(RosterSource::label).orElse(rs.getString(1)));
                    append(t, "类别", rs.getString(2));
                    append(t, "金额（元）", rs.getBigDecimal(3) == null ? null : rs.getBigDecimal(3).toPlainString());
                    append(t, "残疾等级", rs.getObject(4) == null ? null : rs.getInt(4) + " 级");
                    append(t, "重病", rs.getObject(5) == null ? null : rs.getBoolean(5) ? "是" : "否");
                    append(t, "人均收入（元）", rs.getBigDecimal(6) == null ? null : rs.getBigDecimal(6).toPlainString());
                    append(t, "日期", rs.getString(7));
                    return t.toString();
                }, c.idNumber());
        return new Shown(summary, reason, rows.isEmpty() ? "各部门名单中没有此人的记录。" : String.join("\n", rows),
                c.name(), village);
    }

    private static void append(StringBuilder t, String label, String value) {
        if (value != null && !value.isBlank()) {
            t.append("；").append(label).append("：").append(value);
        }
    }

    private Optional<String> enrolmentOf(String idNumber) {
        return jdbc.query("select e.enrolment_number from enrolment_coverage c join enrolment e on e.id = c.enrolment_id"
                + " where c.id_number = ? order by e.id", (rs, i) -> rs.getString(1), idNumber).stream().findFirst();
    }

    /**
     * The outcome of {@code Task_FieldCheck}, checked before the task completes (a refusal keeps it open and names
     * the field): {@code apply} needs a programme; {@code review} a person an enrolment covers.
     */
    void checkOutcome(String number, String outcome, String programme) {
        Check c = check(number).orElseThrow(() -> new IllegalStateException("no field check " + number));
        if ("apply".equals(outcome) && (programme == null || !PROGRAMMES.contains(programme))) {
            throw new RefusedSubmission(List.of("programme"), "「申请救助项目」：请选择低保、特困或临时救助");
        }
        if ("review".equals(outcome) && enrolmentOf(c.idNumber()).isEmpty()) {
            throw new RefusedSubmission(List.of("fieldOutcome"), "「核查结论」：此人不是保障对象，不能启动复核");
        }
    }

    /** Carries out the outcome (the model's service task after the check) and closes the check and its warning. */
    void finish(String number, String outcome, String findings, String programme, String actor) {
        Check c = check(number).orElseThrow(() -> new IllegalStateException("no field check " + number));
        if (!"OPEN".equals(c.status())) {
            return; // carried out already (a retried job)
        }
        String result = null;
        String warningStatus = "RESOLVED";
        switch (outcome) {
            case "apply" -> {
                AssistanceCase started = intake.submit(new ApplicationForm(programme,
                        "TEMPORARY".equals(programme) ? "EXPENDITURE" : null, c.villageCode(),
                        new ApplicationForm.Applicant(c.name(), c.idNumber(), null), List.of(),
                        "主动发现（摸排核查 " + number + "）：" + c.reason() + "。核查情况：" + findings, null,
                        "TEMPORARY".equals(programme) ? "OTHER" : null));
                result = started.caseNumber();
            }
            case "refer" -> {
                referrals.refer(new Referrals.Person(number, c.name(), c.idNumber(), c.villageCode()),
                        "摸排核查 " + number + "：" + c.reason() + "。核查情况：" + findings, actor);
            }
            case "review" -> result = reviews.start(enrolmentOf(c.idNumber()).orElseThrow(),
                    new PeriodicReviews.Start(ReviewTrigger.MONITORING, null, "摸排核查 " + number + "：" + findings,
                            null, actor));
            case "watch" -> {
                watchList.add(c.idNumber(), c.name(), c.villageCode(), WatchList.Source.WARNING, number,
                        c.reason() + "；核查情况：" + findings, actor);
                warningStatus = "WATCHING";
            }
            default -> {
                // no-need: the findings are the reason
            }
        }
        TransactionMemo.<String, Optional<Check>>of(MEMO).remove(number);
        jdbc.update("update field_check set status = 'DONE', outcome = ?, findings = ?, programme = ?, result_ref = ?,"
                + " ended_at = ?, ended_by = ?, version = version + 1 where id = ?", outcome, findings,
                "apply".equals(outcome) ? programme : null, result, Timestamp.from(clock.instant()), actor, c.id());
        if (c.warningId() != null) {
            jdbc.update("update monitoring_warning set status = ?, open_rule = case when ? = 'WATCHING' then rule else"
                    + " null end, triaged_by = ?, triaged_at = ?, note = ?, version = version + 1 where id = ? and"
                    + " status = 'CHECKING'", warningStatus, warningStatus, actor, Timestamp.from(clock.instant()),
                    abbreviate("摸排核查 " + number + " " + label(outcome) + (result == null ? "" : " " + result) + "："
                            + findings), c.warningId());
        }
        log.info("field check {} ended by {}: {}{}", number, actor, outcome, result == null ? "" : " → " + result);
    }

    static String label(String outcome) {
        return switch (outcome.toLowerCase(Locale.ROOT)) {
            case "apply" -> "已启动救助申请";
            case "refer" -> "已转介扶贫部门";
            case "review" -> "已启动复核";
            case "watch" -> "列为持续关注";
            default -> "无需救助";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }
}
