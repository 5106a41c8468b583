package org.doudi.enrolment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.doudi.TimeConfig;
import org.doudi.cases.Programme;
import org.doudi.payments.Payments;
import org.doudi.region.RegionLevel;
import org.doudi.region.RegionService;
import org.doudi.region.StaffScope;
import org.doudi.shared.ExportColumn;
import org.doudi.shared.ExportSheet;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.PersonalData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Reads enrolments (保障对象) for staff, within their regions as cases are ({@link StaffScope#canSee}): the list
 * in one query per page (and at most one count), newest first, on the region indexes; one enrolment with its
 * members and amount history. An enrolment outside the reader's regions is "not found". ID numbers are masked.
 */
@Service
@Transactional(readOnly = true)
public class EnrolmentQueries {

    /**
     * What to list; every part optional.
     *
     * @param region a division code within the reader's regions; {@code null}: all of his
     */
    public record Criteria(String region, EnrolmentStatus status, Programme programme, int page, int size) {
    }

    /**
     * One enrolment of a list. {@code monthlyAmount}: the amount in force this month (for an enrolment whose
     * benefits start later, its first); {@code since}: the first day covered.
     */
    public record Item(
            @ExportColumn("保障编号") String enrolmentNumber,
            @ExportColumn("救助项目") String programme,
            @ExportColumn("保障状态") String status,
            @ExportColumn("家庭人口") int householdSize,
            @ExportColumn("保障人数") int coveredPeople,
            @ExportColumn("月保障金额（元）") BigDecimal monthlyAmount,
            @ExportColumn("乡镇代码") String townshipCode,
            @ExportColumn("纳入日期") LocalDate since,
            @ExportColumn("下次复核日期") LocalDate nextReviewDue) {
    }

    @ExportSheet("保障对象")

    public record Page(
            List<Item> items,
            @ExportColumn("页码") int page,
            @ExportColumn("每页条数") int size,
            @ExportColumn("合计条数") long total) {
    }

    /**
     * One enrolment: the list's fields, and who, what and when in full. {@code payments} are what the county's
     * confirmed payment rolls paid, by month; {@code reviews} are its reviews (复核), the oldest first; {@code stop} is
     * {@code null} unless it ended.
     */
    public record Details(String enrolmentNumber, String programme, String status, String statusLabel, String unit,
            int householdSize, int coveredPeople, BigDecimal monthlyAmount, String countyCode, String townshipCode,
            String villageCode, LocalDate since, String sinceMonth, LocalDate nextReviewDue, String reviewClass,
            LocalDate lastReviewedOn, String caseNumber, String payeeName, String payeeIdNumberMasked,
            String phaseOutUntil, BigDecimal phaseOutShare, String suspendedFrom, Instant createdAt,
            List<Member> members, List<AmountView> amountHistory, List<ReviewHistory.Entry> reviews, List<PaymentView> payments,
            @JsonInclude(JsonInclude.Include.ALWAYS) Stop stop) {
    }

    /** A member as enrolled; {@code age} today, in whole years. */
    public record Member(int position, String name, String idNumberMasked, String relation, String gender, int age,
            boolean covered, Integer disabilityGrade, String disabilityCategory, boolean seriousIllness,
            boolean ableToWork) {
    }

    public record AmountView(String fromMonth, BigDecimal amount, String reason, String note, String decidedBy,
            Instant decidedAt, List<LineView> lines) {
    }

    /** A line of an amount; {@code memberPosition} names the member of an allowance. */
    public record LineView(String kind, String kindLabel, Integer memberPosition, BigDecimal amount) {
    }

    /** What the confirmed rolls paid for one month. */
    public record PaymentView(String month, BigDecimal amount) {
    }

    public record Stop(String reason, String reasonLabel, Instant at, String by, String lastPaidMonth,
            String changeMonth, BigDecimal overpaid) {
    }

    private final JdbcTemplate jdbc;
    private final EnrolmentRepository enrolments;
    private final RegionService regions;
    private final Clock clock;
    private final Payments payments;
    private final ObjectProvider<ReviewHistory> reviews;

    EnrolmentQueries(JdbcTemplate jdbc, EnrolmentRepository enrolments, RegionService regions, Clock clock,
            Payments payments, ObjectProvider<ReviewHistory> reviews) {
        this.payments = payments;
        this.reviews = reviews;
        this.jdbc = jdbc;
        this.enrolments = enrolments;
        this.regions = regions;
        this.clock = clock;
    }

    public Page list(Criteria criteria, StaffScope scope) {
        List<String> regionCodes = regions.regionsToList(criteria.region(), scope, "查看", "保障对象", "enrolments");
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (regionCodes != null) {
            where.add(within(regionCodes, args));
        }
        if (criteria.status() != null) {
            where.add("e.status = ?");
            args.add(criteria.status().name());
        }
        if (criteria.programme() != null) {
            where.add("e.programme = ?");
            args.add(criteria.programme().name());
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long offset = (long) criteria.page() * criteria.size();
        List<Object> pageArgs = new ArrayList<>();
        pageArgs.add(regions.currentMonth().toString());
        pageArgs.addAll(args);
        pageArgs.add(criteria.size());
        pageArgs.add(offset);
        // The amount in force this month: the latest row that starts in or before it, or the first row (from
        // since_month) while the benefits have not started; on the (enrolment_id, from_month) key.
        List<Item> items = jdbc.query("select e.enrolment_number, e.programme, e.status, e.household_size,"
                + " e.covered_people, e.township_code, e.since_date, e.next_review_due,"
                + " (select a.amount from enrolment_amount a where a.enrolment_id = e.id and a.from_month ="
                + " (select max(a2.from_month) from enrolment_amount a2 where a2.enrolment_id = e.id"
                + " and (a2.from_month <= ? or a2.from_month = e.since_month))) as monthly_amount"
                + " from enrolment e" + condition + " order by e.id desc limit ? offset ?",
                (rs, n) -> new Item(rs.getString("enrolment_number"), rs.getString("programme"), rs.getString("status"),
                        rs.getInt("household_size"), rs.getInt("covered_people"), rs.getBigDecimal("monthly_amount"),
                        rs.getString("township_code"), rs.getObject("since_date", LocalDate.class),
                        rs.getObject("next_review_due", LocalDate.class)),
                pageArgs.toArray());
        long total;
        if (items.size() < criteria.size() && (!items.isEmpty() || offset == 0)) {
            // The last page: the total is known without counting.
            total = offset + items.size();
        } else {
            Long counted = jdbc.queryForObject("select count(*) from enrolment e" + condition, Long.class,
                    args.toArray());
            total = counted == null ? 0 : counted;
        }
        return new Page(items, criteria.page(), criteria.size(), total);
    }

    public Details details(String enrolmentNumber, StaffScope scope) {
        Enrolment e = enrolments.findByEnrolmentNumber(enrolmentNumber)
                .filter(found -> scope.canSee(found.villageCode()))
                .orElseThrow(() -> new NotFoundException("没有编号为 " + enrolmentNumber + " 的保障对象，或不在您的辖区内 (no"
                        + " enrolment " + enrolmentNumber + ")"));
        LocalDate today = TimeConfig.today(clock);
        String caseNumber = jdbc.query("select case_number from assistance_case where id = ?",
                rs -> rs.next() ? rs.getString(1) : null, e.caseId());
        List<Member> members = e.members().stream().map(m -> new Member(m.position(), m.name(),
                PersonalData.maskIdNumber(m.idNumber()), m.relation().name(), m.gender().name(), m.ageOn(today),
                m.covered(), m.disabilityGrade(), m.disabilityCategory() == null ? null : m.disabilityCategory().name(),
                m.seriousIllness(), m.ableToWork())).toList();
        List<AmountView> history = e.amounts().stream().map(a -> new AmountView(a.fromMonth().toString(), a.amount(),
                a.reason().name(), a.note(), a.decidedBy(), a.decidedAt(), a.lines().stream()
                        .map(l -> new LineView(l.kind().name(), l.kind().label(), l.memberPosition(), l.amount()))
                        .toList())).toList();
        Stop stop = e.status() != EnrolmentStatus.ENDED ? null
                : new Stop(e.endReason().name(), e.endReason().label(), e.endedAt(), e.endedBy(),
                        month(e.lastPaidMonth()), month(e.changeMonth()), e.overpaid());
        return new Details(e.enrolmentNumber(), e.programme().name(), e.status().name(), e.status().label(),
                e.unit().name(), e.householdSize(), e.coveredPeople(),
                e.amountIn(YearMonth.from(today)).amount(), e.countyCode(), e.townshipCode(), e.villageCode(),
                e.sinceDate(), e.sinceMonth().toString(), e.nextReviewDue(), e.reviewClass().name(),
                e.lastReviewedOn(), caseNumber, e.payeeName(), PersonalData.maskIdNumber(e.payeeIdNumber()),
                month(e.phaseOutUntil()), e.phaseOutShare(), month(e.suspendedFrom()), e.createdAt(), members,
                history, reviews.stream().flatMap(r -> r.reviewsOf(e.id()).stream()).toList(), payments.paymentsOf(e.id()).stream()
                        .map(p -> new PaymentView(p.month().toString(), p.amount())).toList(), stop);
    }

    private static String month(YearMonth m) {
        return m == null ? null : m.toString();
    }

    /** One column per level, so that each comparison can use that level's index. */
    private static String within(List<String> codes, List<Object> args) {
        List<String> any = new ArrayList<>();
        for (RegionLevel level : RegionLevel.values()) {
            List<String> ofLevel = codes.stream().filter(c -> c.length() == level.codeLength()).toList();
            if (ofLevel.isEmpty()) {
                continue;
            }
            String column = "e." + switch (level) {
                case COUNTY -> "county_code";
                case TOWNSHIP -> "township_code";
                case VILLAGE -> "village_code";
            };
            any.add(ofLevel.size() == 1 ? column + " = ?"
                    : column + " in (" + String.join(", ", ofLevel.stream().map(c -> "?").toList()) + ")");
            args.addAll(ofLevel);
        }
        return any.size() == 1 ? any.get(0) : "(" + String.join(" or ", any) + ")";
    }
}
