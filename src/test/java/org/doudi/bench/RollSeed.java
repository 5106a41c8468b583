package org.doudi.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

import org.doudi.region.AmountRule;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * N enrolments of county 130102 (甲县) for the payment-roll benchmark, made in SQL, set-based: a table of the numbers
 * 1…N, then one {@code INSERT … SELECT} per table (households, the approved cases they come from, enrolments, their
 * members, amount rows and their lines). Enrolment n is described by its number alone (the rules below, written once
 * in SQL and once in Java), so that the benchmark knows, without asking the application's SQL, how many lines the roll
 * of {@link #MONTH} has and what they add up to.
 * <ul>
 * <li>townships: 20 (the demo's two and 18 more, 130102102…130102119), n mod 20;</li>
 * <li>first day: n ≡ 1 (mod 40) in {@link #MONTH} on day 2 + n mod 28 (prorated); else n ≡ 6 (mod 45) from the month
 * after (not yet payable); else 2026-01-01;</li>
 * <li>渐退期: n ≡ 2 (mod 25) until 2027-01 at 0.5, 0.6, 0.7 or 0.8 (n mod 4); suspended: n ≡ 3 (mod 30) from 2026-10;
 * ended: n ≡ 4 (mod 35) after 2026-09, n ≡ 5 (mod 35) after {@link #MONTH} (still paid);</li>
 * <li>amount 200.00 + (37n mod 80 000) / 100; from 2026-07 15.50 more when n ≡ 0 (mod 3) and it started before; from
 * 2026-12 99.99 more when n ≡ 0 (mod 11) (not yet in force);</li>
 * <li>1–5 members (1 + n mod 5), one covered when n ≡ 0 (mod 13); 特困 when n ≡ 0 (mod 10); no bank account when
 * n ≡ 0 (mod 50);</li>
 * <li>member d of enrolment n has a valid resident ID of its own ({@link #body}, person 5n + d), and the covered members
 * of the enrolments that have not ended are in {@code enrolment_coverage}, as the enrolment module keeps it.</li>
 * </ul>
 */
final class RollSeed {

    /** The month whose roll is measured. */
    static final YearMonth MONTH = YearMonth.of(2026, 11);
    static final String COUNTY = "130102";
    /** Ids of the seeded rows start above this, far from the demo's. */
    static final long BASE = 10_000_000L;

    private final JdbcTemplate jdbc;

    RollSeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void seed(int n) {
        jdbc.execute("drop table if exists bench_digit");
        jdbc.execute("drop table if exists bench_seq");
        jdbc.execute("create table bench_digit (d int primary key)");
        jdbc.execute("insert into bench_digit values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
        jdbc.execute("create table bench_seq (n int primary key)");
        int digits = String.valueOf(Math.max(n, 20)).length();
        StringBuilder number = new StringBuilder("1");
        StringBuilder from = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            number.append(" + ").append((long) Math.pow(10, i)).append(" * d").append(i).append(".d");
            from.append(i == 0 ? "" : ", ").append("bench_digit d").append(i);
        }
        jdbc.update("insert into bench_seq (n) select " + number + " from " + from + " where " + number + " <= ?",
                Math.max(n, 20));

        jdbc.update("insert into region (code, name, level, parent_code) select concat('130102', 100 + n), "
                + "concat('甲县', n + 1, '号镇'), 'TOWNSHIP', '130102' from bench_seq where n between 2 and 19");
        jdbc.update("insert into region (code, name, level, parent_code) select concat('130102', 100 + n, '201'), "
                + "concat(n + 1, '号镇中心村'), 'VILLAGE', concat('130102', 100 + n) from bench_seq "
                + "where n between 2 and 19");

        String township = "concat('130102', 100 + mod(s.n, 20))";
        String village = "concat(" + township + ", '201')";
        // Provisional (its check character comes below, from the members): member 0's body.
        String idNumber = body("s.n * 5");
        jdbc.update("insert into household (id, village_code, created_at) select " + BASE + " + s.n, " + village
                + ", now() from bench_seq s where s.n <= ?", n);
        jdbc.update("insert into assistance_case (id, case_number, programme, status, village_code, township_code, "
                + "county_code, household_id, applicant_name, applicant_id_number, reason, approval_delegated, "
                + "submitted_at, submitted_by, closed_at, version) select " + BASE + " + s.n, concat('DB-BENCH-', s.n), "
                + programme("s") + ", 'APPROVED', " + village + ", " + township + ", '130102', " + BASE + " + s.n, "
                + "concat('户主', s.n), " + idNumber + ", '发放名册基准', false, now(), 'bench', now(), 0 "
                + "from bench_seq s where s.n <= ?", n);
        String sinceDate = "case when mod(s.n, 40) = 1 then date_add('" + MONTH.atDay(1) + "', interval "
                + "1 + mod(s.n, 28) day) when mod(s.n, 45) = 6 then '" + MONTH.plusMonths(1).atDay(1) + "' "
                + "else '2026-01-01' end";
        jdbc.update("insert into enrolment (id, enrolment_number, programme, unit, status, case_id, household_id, "
                + "village_code, township_code, county_code, payee_name, payee_id_number, bank_account_ref, "
                + "household_size, covered_people, since_date, since_month, review_class, next_review_due, "
                + "phase_out_until, phase_out_share, suspended_from, last_paid_month, created_at, version) "
                + "select " + BASE + " + s.n, concat('BZ-2026-', " + township + ", '-', lpad(s.n, 7, '0')), "
                + programme("s") + ", 'HOUSEHOLD', case when mod(s.n, 35) in (4, 5) then 'ENDED' "
                + "when mod(s.n, 30) = 3 then 'SUSPENDED' when mod(s.n, 25) = 2 then 'PHASING_OUT' else 'ACTIVE' end, "
                + BASE + " + s.n, " + BASE + " + s.n, " + village + ", " + township + ", '130102', "
                + "concat('户主', s.n), " + idNumber + ", case when mod(s.n, 50) = 0 then null else "
                + "concat('62220', lpad(s.n, 10, '0')) end, 1 + mod(s.n, 5), case when mod(s.n, 13) = 0 then 1 "
                + "else 1 + mod(s.n, 5) end, " + sinceDate + ", date_format(" + sinceDate + ", '%Y-%m'), 'CHANGING', "
                + "'2027-06-01', case when mod(s.n, 25) = 2 then '2027-01' end, case when mod(s.n, 25) = 2 then "
                + "0.5 + 0.1 * mod(s.n, 4) end, case when mod(s.n, 30) = 3 then '2026-10' end, "
                + "case when mod(s.n, 35) = 4 then '2026-09' when mod(s.n, 35) = 5 then '" + MONTH + "' end, now(), 0 "
                + "from bench_seq s where s.n <= ?", n);
        // The periods the rolls read, as the enrolment module records them with the columns above.
        jdbc.update("insert into enrolment_period (enrolment_id, kind, from_month, until_month, share) select e.id, "
                + "'PHASE_OUT', e.since_month, e.phase_out_until, e.phase_out_share from enrolment e where e.id > "
                + BASE + " and e.phase_out_until is not null");
        jdbc.update("insert into enrolment_period (enrolment_id, kind, from_month, until_month, share) select e.id, "
                + "'SUSPENSION', e.suspended_from, null, null from enrolment e where e.id > " + BASE
                + " and e.suspended_from is not null");
        jdbc.update("insert into enrolment_member (enrolment_id, position, name, id_number, relation, birth_date, "
                + "gender, covered, serious_illness, able_to_work) select e.id, p.d, concat(e.payee_name, '家', p.d), "
                + body("(e.id - " + BASE + ") * 5 + p.d") + ", case when p.d = 0 then 'SELF' "
                + "else 'CHILD' end, '1970-01-01', case when mod(p.d, 2) = 0 then 'MALE' else 'FEMALE' end, "
                + "p.d < e.covered_people, false, p.d = 0 from enrolment e join bench_digit p on p.d < e.household_size "
                + "where e.id > " + BASE);
        // Valid resident IDs (a roster row with a wrong check character is refused, and a comparison matches by ID): the
        // check character of GB 11643 from the 17 digits, then the payee's and the applicant's copied from member 0.
        jdbc.update("update enrolment_member set id_number = concat(substring(id_number, 1, 17), " + checkCharacter(
                "id_number") + ") where enrolment_id > " + BASE);
        jdbc.update("update enrolment e join enrolment_member m on m.enrolment_id = e.id and m.position = 0 "
                + "set e.payee_id_number = m.id_number where e.id > " + BASE);
        jdbc.update("update assistance_case c join enrolment e on e.case_id = c.id set c.applicant_id_number = "
                + "e.payee_id_number where c.id > " + BASE);
        // Who is covered now (the comparison's "enrolled", the intake's one-open-case rule): covered members of the
        // enrolments that have not ended.
        jdbc.update("insert into enrolment_coverage (id_number, programme, enrolment_id) select m.id_number, "
                + "e.programme, e.id from enrolment_member m join enrolment e on e.id = m.enrolment_id where e.id > "
                + BASE + " and m.covered = true and e.status <> 'ENDED'");
        // The households' own members, as the intake records them (a review's case reads its household).
        jdbc.update("insert into household_member (household_id, position, name, id_number, relation, birth_date, "
                + "gender, serious_illness, able_to_work) select e.household_id, m.position, m.name, m.id_number, "
                + "m.relation, m.birth_date, m.gender, m.serious_illness, m.able_to_work from enrolment_member m "
                + "join enrolment e on e.id = m.enrolment_id where e.id > " + BASE);
        String base = "(200 + mod(37 * (e.id - " + BASE + "), 80000) / 100)";
        jdbc.update("insert into enrolment_amount (id, enrolment_id, from_month, amount, reason, decided_by, "
                + "decided_at) select e.id, e.id, e.since_month, " + base + ", 'ENROLMENT', 'bench', now() "
                + "from enrolment e where e.id > " + BASE);
        jdbc.update("insert into enrolment_amount (id, enrolment_id, from_month, amount, reason, decided_by, "
                + "decided_at) select e.id + " + BASE + ", e.id, '2026-07', " + base + " + 15.50, 'ADJUSTMENT', 'bench', "
                + "now() from enrolment e where e.id > " + BASE + " and mod(e.id - " + BASE + ", 3) = 0 "
                + "and e.since_month < '2026-07'");
        jdbc.update("insert into enrolment_amount (id, enrolment_id, from_month, amount, reason, decided_by, "
                + "decided_at) select e.id + 2 * " + BASE + ", e.id, '2026-12', " + base + " + 99.99, 'ADJUSTMENT', "
                + "'bench', now() from enrolment e where e.id > " + BASE + " and mod(e.id - " + BASE + ", 11) = 0 "
                + "and e.since_month < '2026-12'");
        jdbc.update("insert into enrolment_amount_line (amount_id, position, kind, member_position, amount) "
                + "select a.id, 0, 'BASE', null, a.amount from enrolment_amount a where a.enrolment_id > " + BASE);
        jdbc.execute("analyze table household, assistance_case, enrolment, enrolment_member, enrolment_amount, "
                + "enrolment_amount_line, enrolment_period, household_member, enrolment_coverage, region");
        jdbc.execute("drop table bench_seq");
        jdbc.execute("drop table bench_digit");
    }

    /**
     * The first 17 characters of person k's resident ID, and a provisional check character: area 130181, born
     * 1950-01-01 + (k mod 20 000) days, sequence 1 + k div 20 000 — unique for k below 20 000 000.
     */
    static String body(String k) {
        return "concat('130181', date_format(date_add('1950-01-01', interval mod(" + k + ", 20000) day), '%Y%m%d'), "
                + "lpad(1 + floor((" + k + ") / 20000), 3, '0'), 'X')";
    }

    /** GB 11643's check character of the 17 digits that begin the column, as SQL (ISO 7064 MOD 11-2). */
    static String checkCharacter(String column) {
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        StringBuilder sum = new StringBuilder();
        for (int i = 0; i < weights.length; i++) {
            sum.append(i == 0 ? "" : " + ").append(weights[i]).append(" * substring(").append(column).append(", ")
                    .append(i + 1).append(", 1)");
        }
        return "elt(mod(" + sum + ", 11) + 1, '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2')";
    }

    private static String programme(String alias) {
        return "case when mod(" + alias + ".n, 10) = 0 then 'TEKUN' else 'DIBAO' end";
    }

    /** The roll of {@link #MONTH} as the rules above make it, by BigDecimal: its line count and total. */
    record Expected(int lines, int people, BigDecimal total) {
    }

    static Expected expected(int n, AmountRule rule) {
        int lines = 0;
        int people = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 1; i <= n; i++) {
            LocalDate since = i % 40 == 1 ? MONTH.atDay(2 + i % 28)
                    : i % 45 == 6 ? MONTH.plusMonths(1).atDay(1) : LocalDate.of(2026, 1, 1);
            boolean payable = !YearMonth.from(since).isAfter(MONTH) && i % 30 != 3 && i % 35 != 4;
            if (!payable) {
                continue;
            }
            BigDecimal amount = BigDecimal.valueOf(20_000 + (37L * i) % 80_000, 2);
            if (i % 3 == 0 && YearMonth.from(since).isBefore(YearMonth.of(2026, 7))) {
                amount = amount.add(new BigDecimal("15.50"));
            }
            boolean prorated = YearMonth.from(since).equals(MONTH) && since.getDayOfMonth() > 1;
            boolean phaseOut = i % 25 == 2;
            BigDecimal share = phaseOut ? new BigDecimal("0.5").add(new BigDecimal("0.1").multiply(BigDecimal.valueOf(i % 4)))
                    : BigDecimal.ONE;
            if (prorated || phaseOut) {
                int days = prorated ? MONTH.lengthOfMonth() - since.getDayOfMonth() + 1 : MONTH.lengthOfMonth();
                amount = round(amount.multiply(share).multiply(BigDecimal.valueOf(days)), MONTH.lengthOfMonth(), rule);
            }
            lines++;
            people += i % 13 == 0 ? 1 : 1 + i % 5;
            total = total.add(amount);
        }
        return new Expected(lines, people, total.setScale(2));
    }

    private static BigDecimal round(BigDecimal numerator, int days, AmountRule rule) {
        int scale = switch (rule.unit()) {
            case FEN -> 2;
            case JIAO -> 1;
            case YUAN -> 0;
        };
        RoundingMode mode = switch (rule.mode()) {
            case HALF_UP -> RoundingMode.HALF_UP;
            case DOWN -> RoundingMode.DOWN;
            case UP -> RoundingMode.UP;
        };
        BigDecimal r = numerator.divide(BigDecimal.valueOf(days), scale, mode);
        return (r.signum() == 0 ? BigDecimal.ONE.movePointLeft(scale) : r).setScale(2);
    }
}
