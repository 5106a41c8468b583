package org.doudi.payments;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.doudi.region.AmountRule;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the payment rolls: set-based generation ({@code INSERT … SELECT}), one aggregate for the totals, pages
 * and a streaming cursor over the lines. Times are stored as UTC, as Hibernate stores them elsewhere.
 */
@Repository
class PaymentRollStore {

    private static final String ROLL_COLUMNS = "id, county_code, pay_month, sequence_no, status, households, people, total, "
            + "generated_at, generated_by, confirmed_at, confirmed_by, version";
    private static final String LINE_COLUMNS = "enrolment_id, enrolment_number, programme, township_code, "
            + "village_code, payee_name, id_number_masked, household_size, covered_people, monthly_amount, amount, "
            + "kind, bank_account_ref, previously_paid";

    /** A roll's row. */
    record Roll(long id, String countyCode, YearMonth month, int sequence, RollStatus status, int households,
            int people, BigDecimal total, Instant generatedAt, String generatedBy, Instant confirmedAt,
            String confirmedBy, long version) {

        boolean generated() {
            return generatedAt != null;
        }
    }

    /** A line of a roll. */
    record Line(long enrolmentId, String enrolmentNumber, String programme, String townshipCode, String villageCode,
            String name, String idNumberMasked, int householdSize, int coveredPeople, BigDecimal monthlyAmount,
            BigDecimal amount, String kind, String bankAccountRef, BigDecimal previouslyPaid) {
    }

    /** A roll's totals in one township. */
    record TownshipTotal(String townshipCode, int households, int people, BigDecimal total) {
    }

    /** A county and the day of the month its roll is drafted, by the policy version in force. */
    record RollDay(String countyCode, int day) {
    }

    private static final RowMapper<Roll> ROLL = (rs, i) -> new Roll(rs.getLong("id"), rs.getString("county_code"),
            YearMonth.parse(rs.getString("pay_month")), rs.getInt("sequence_no"), RollStatus.valueOf(rs.getString("status")),
            rs.getInt("households"), rs.getInt("people"), rs.getBigDecimal("total"), instant(rs, "generated_at"),
            rs.getString("generated_by"), instant(rs, "confirmed_at"), rs.getString("confirmed_by"),
            rs.getLong("version"));

    private static final RowMapper<Line> LINE = (rs, i) -> line(rs);

    private final NamedParameterJdbcTemplate jdbc;
    /** Reads with a cursor: MySQL streams row by row (fetch size {@link Integer#MIN_VALUE}), H2 in chunks. */
    private final NamedParameterJdbcTemplate cursor;

    PaymentRollStore(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(isMySql(dataSource) ? Integer.MIN_VALUE : 1000);
        this.cursor = new NamedParameterJdbcTemplate(streaming);
    }

    private static boolean isMySql(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource,
                    metaData -> metaData.getDatabaseProductName());
            return product != null && (product.contains("MySQL") || product.contains("MariaDB"));
        } catch (Exception e) {
            return false;
        }
    }

    // --- rolls ---------------------------------------------------------------------------------------------------

    Optional<Roll> find(String county, YearMonth month, int sequence) {
        return jdbc.query("select " + ROLL_COLUMNS + " from payment_roll where county_code = :county and pay_month = :month"
                + " and sequence_no = :sequence", params(county, month).addValue("sequence", sequence), ROLL)
                .stream().findFirst();
    }

    /** The roll's row, locked until the transaction ends: generations and confirmations of a roll queue here. */
    Optional<Roll> lock(String county, YearMonth month, int sequence) {
        return jdbc.query("select " + ROLL_COLUMNS + " from payment_roll where county_code = :county and pay_month = :month"
                + " and sequence_no = :sequence for update", params(county, month).addValue("sequence", sequence), ROLL)
                .stream().findFirst();
    }

    /**
     * Inserts the roll's row (DRAFT, no lines, not yet generated) unless it exists: whether this call inserted it.
     * Two calls at once meet on the key {@code (county_code, month, sequence)}: one inserts, the other finds it.
     */
    boolean insertIfAbsent(String county, YearMonth month, int sequence) {
        try {
            jdbc.update("insert into payment_roll (county_code, pay_month, sequence_no, status, households, people, total,"
                    + " version) values (:county, :month, :sequence, 'DRAFT', 0, 0, 0, 0)",
                    params(county, month).addValue("sequence", sequence));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The month's supplementary rolls, in order. */
    List<Roll> supplements(String county, YearMonth month) {
        return jdbc.query("select " + ROLL_COLUMNS + " from payment_roll where county_code = :county and pay_month = :month"
                + " and sequence_no > 0 order by sequence_no", params(county, month), ROLL);
    }

    int nextSequence(String county, YearMonth month) {
        Integer max = jdbc.queryForObject("select max(sequence_no) from payment_roll where county_code = :county"
                + " and pay_month = :month", params(county, month), Integer.class);
        return max == null ? 0 : max + 1;
    }

    /** Removes a draft's lines and totals before it is generated again. */
    void clear(long rollId) {
        MapSqlParameterSource p = new MapSqlParameterSource("roll", rollId);
        jdbc.update("delete from payment_roll_township where roll_id = :roll", p);
        jdbc.update("delete from payment_roll_line where roll_id = :roll", p);
    }

    /** The month's payable lines into the roll, in one statement: how many. */
    int insertLines(long rollId, String county, YearMonth month, AmountRule rule) {
        return jdbc.update("insert into payment_roll_line (roll_id, " + LINE_COLUMNS + ") select :roll, "
                + "c.enrolment_id, c.enrolment_number, c.programme, c.township_code, c.village_code, c.payee_name, "
                + "c.id_number_masked, c.household_size, c.covered_people, c.monthly_amount, c.amount, c.kind, "
                + "c.bank_account_ref, null from (" + PayableSql.payable(month, rule) + ") c",
                params(county, month).addValue("roll", rollId));
    }

    /**
     * What the month's confirmed rolls did not pay, in one statement: each enrolment payable now whose amount
     * is more than the confirmed lines of the month paid it (nothing, for one they missed), for the difference.
     */
    int insertSupplementLines(long rollId, String county, YearMonth month, AmountRule rule) {
        return jdbc.update("insert into payment_roll_line (roll_id, " + LINE_COLUMNS + ") select :roll, "
                + "c.enrolment_id, c.enrolment_number, c.programme, c.township_code, c.village_code, c.payee_name, "
                + "c.id_number_masked, c.household_size, c.covered_people, c.monthly_amount, "
                + "c.amount - coalesce(p.paid, 0), c.kind, c.bank_account_ref, coalesce(p.paid, 0) "
                + "from (" + PayableSql.payable(month, rule) + ") c "
                + "left join (select l.enrolment_id, sum(l.amount) as paid from payment_roll_line l "
                + "join payment_roll r on r.id = l.roll_id where r.county_code = :county and r.pay_month = :month "
                + "and r.status = 'CONFIRMED' group by l.enrolment_id) p on p.enrolment_id = c.enrolment_id "
                + "where c.amount - coalesce(p.paid, 0) > 0",
                params(county, month).addValue("roll", rollId));
    }

    /**
     * The totals from the lines: by township in one aggregate query, the county's as their sum; the roll is then
     * generated (by whom, when) and its version moves on.
     */
    void writeTotals(long rollId, Instant at, String by) {
        MapSqlParameterSource p = new MapSqlParameterSource("roll", rollId).addValue("at", utc(at)).addValue("by", by);
        jdbc.update("insert into payment_roll_township (roll_id, township_code, households, people, total) "
                + "select roll_id, township_code, count(*), sum(covered_people), sum(amount) from payment_roll_line "
                + "where roll_id = :roll group by roll_id, township_code", p);
        jdbc.update("update payment_roll set households = (select coalesce(sum(households), 0) from "
                + "payment_roll_township where roll_id = :roll), people = (select coalesce(sum(people), 0) from "
                + "payment_roll_township where roll_id = :roll), total = (select coalesce(sum(total), 0) from "
                + "payment_roll_township where roll_id = :roll), generated_at = :at, generated_by = :by, "
                + "version = version + 1 where id = :roll", p);
    }

    void confirm(long rollId, Instant at, String by) {
        jdbc.update("update payment_roll set status = 'CONFIRMED', confirmed_at = :at, confirmed_by = :by, "
                + "version = version + 1 where id = :roll and status = 'DRAFT'",
                new MapSqlParameterSource("roll", rollId).addValue("at", utc(at)).addValue("by", by));
    }

    // --- reading -------------------------------------------------------------------------------------------------

    List<TownshipTotal> townshipTotals(long rollId) {
        return jdbc.query("select township_code, households, people, total from payment_roll_township "
                + "where roll_id = :roll order by township_code", new MapSqlParameterSource("roll", rollId),
                (rs, i) -> new TownshipTotal(rs.getString("township_code"), rs.getInt("households"),
                        rs.getInt("people"), rs.getBigDecimal("total")));
    }

    /** A page of the lines, in township and enrolment order; {@code townships} null: all of them. */
    List<Line> lines(long rollId, Collection<String> townships, int offset, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("roll", rollId).addValue("limit", limit)
                .addValue("offset", offset);
        String where = "roll_id = :roll";
        if (townships != null) {
            if (townships.isEmpty()) {
                return List.of();
            }
            where += " and township_code in (:townships)";
            p.addValue("townships", townships);
        }
        return jdbc.query("select " + LINE_COLUMNS + " from payment_roll_line where " + where
                + " order by township_code, enrolment_number limit :limit offset :offset", p, LINE);
    }

    /** Every line, in township and enrolment order, read by a cursor (one row in memory at a time on MySQL). */
    void streamLines(long rollId, Collection<String> townships, Consumer<Line> each) {
        MapSqlParameterSource p = new MapSqlParameterSource("roll", rollId);
        String where = "roll_id = :roll";
        if (townships != null) {
            if (townships.isEmpty()) {
                return;
            }
            where += " and township_code in (:townships)";
            p.addValue("townships", townships);
        }
        cursor.query("select " + LINE_COLUMNS + " from payment_roll_line where " + where
                + " order by township_code, enrolment_number", p, (RowCallbackHandler) rs -> each.accept(line(rs)));
    }

    // --- the schedule --------------------------------------------------------------------------------------------

    /** Each county with enrolments and the roll day of its policy version in force in the month. */
    List<RollDay> rollDays(YearMonth month) {
        return jdbc.query("select p.county_code, p.payment_roll_day from county_policy p "
                + "where p.effective_from = (select max(v.effective_from) from county_policy v "
                + "where v.county_code = p.county_code and v.effective_from <= :first) "
                + "and exists (select 1 from enrolment e where e.county_code = p.county_code) "
                + "order by p.county_code", new MapSqlParameterSource("first", month.atDay(1)),
                (rs, i) -> new RollDay(rs.getString(1), rs.getInt(2)));
    }

    /**
     * Claims the scheduled generation of a county's month: true for the one caller whose insert wins (the row
     * stays locked by his transaction until it ends, so a second node waits, then finds it and does nothing).
     */
    boolean claimScheduleRun(String county, YearMonth month, Instant at, String outcome) {
        try {
            jdbc.update("insert into payment_roll_schedule_run (county_code, pay_month, ran_at, outcome) "
                    + "values (:county, :month, :at, :outcome)",
                    params(county, month).addValue("at", utc(at)).addValue("outcome", outcome));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void scheduleOutcome(String county, YearMonth month, String outcome) {
        jdbc.update("update payment_roll_schedule_run set outcome = :outcome where county_code = :county "
                + "and pay_month = :month", params(county, month).addValue("outcome", outcome));
    }

    // --- payments ------------------------------------------------------------------------------------------------

    List<MonthlyPayment> paymentsOf(long enrolmentId) {
        return jdbc.query("select r.pay_month, sum(l.amount) from payment_roll_line l join payment_roll r "
                + "on r.id = l.roll_id where l.enrolment_id = :enrolment and r.status = 'CONFIRMED' "
                + "group by r.pay_month order by r.pay_month", new MapSqlParameterSource("enrolment", enrolmentId),
                (rs, i) -> new MonthlyPayment(YearMonth.parse(rs.getString(1)), rs.getBigDecimal(2).setScale(2)));
    }

    BigDecimal paidFrom(long enrolmentId, YearMonth from) {
        BigDecimal sum = jdbc.queryForObject("select sum(l.amount) from payment_roll_line l join payment_roll r "
                + "on r.id = l.roll_id where l.enrolment_id = :enrolment and r.status = 'CONFIRMED' "
                + "and r.pay_month >= :from", new MapSqlParameterSource("enrolment", enrolmentId)
                        .addValue("from", from.toString()), BigDecimal.class);
        return sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static MapSqlParameterSource params(String county, YearMonth month) {
        return new MapSqlParameterSource(Map.of("county", county, "month", month.toString()));
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static Line line(ResultSet rs) throws SQLException {
        return new Line(rs.getLong("enrolment_id"), rs.getString("enrolment_number"), rs.getString("programme"),
                rs.getString("township_code"), rs.getString("village_code"), rs.getString("payee_name"),
                rs.getString("id_number_masked"), rs.getInt("household_size"), rs.getInt("covered_people"),
                rs.getBigDecimal("monthly_amount"), rs.getBigDecimal("amount"), rs.getString("kind"),
                rs.getString("bank_account_ref"), rs.getBigDecimal("previously_paid"));
    }
}
