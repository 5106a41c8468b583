package org.doudi.payments;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicy;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.Region;
import org.doudi.region.RegionRepository;
import org.doudi.region.StaffRole;
import org.doudi.test.Demo;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestCounties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrolments as V18 stores them, inserted by SQL (the enrolment module's creation path is not this module's), in a
 * county of their own: its first township (from {@link TestCounties}) and a second one, with a county supervisor
 * and the second township's caseworker besides the county's reviewer and first caseworker.
 */
public final class RollFixture {

    private final JdbcTemplate jdbc;
    private final TestCounties counties;
    private final RegionRepository regions;
    private final CountyPolicyRepository policies;
    private final IdentityService identity;
    private final TransactionTemplate tx;

    public RollFixture(JdbcTemplate jdbc, TestCounties counties, RegionRepository regions, CountyPolicyRepository policies,
            IdentityService identity, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.counties = counties;
        this.regions = regions;
        this.policies = policies;
        this.identity = identity;
        this.tx = tx;
    }

    /** A test county: codes and users (password {@code demo}). */
    public record County(String code, String township, String village, String township2, String village2,
            String reviewer, String caseworker, String caseworker2, String supervisor) {
    }

    public County county(AmountRule rule) {
        TestCounties.County c = counties.create(TestCounties.values("600.00", "900.00", 2, rule));
        String township2 = c.code() + "101";
        String village2 = township2 + "201";
        return tx.execute(status -> {
            regions.save(new Region(township2, "测试县" + c.code() + "二镇", c.code()));
            regions.save(new Region(village2, "测试县" + c.code() + "二村", township2));
            String caseworker2 = staff("cw-" + township2, StaffRole.TOWNSHIP_CASEWORKER.groupFor(township2));
            String supervisor = staff("sv-" + c.code(), StaffRole.COUNTY_SUPERVISOR.groupFor(c.code()));
            return new County(c.code(), c.township(), c.village(), township2, village2, c.reviewer(), c.caseworker(),
                    caseworker2, supervisor);
        });
    }

    /** Another version of the county's policy from a month on, with another rounding rule. */
    void ruleFrom(String county, YearMonth from, AmountRule rule) {
        tx.executeWithoutResult(status -> policies.save(new CountyPolicy(county, from,
                TestCounties.values("600.00", "900.00", 2, rule), "test", Instant.now())));
    }

    void rollDay(String county, int day) {
        jdbc.update("update county_policy set payment_roll_day = ? where county_code = ?", day, county);
    }

    /** A user of his own in one group (a role of the fixture's county), the demo password. */
    public String staff(String userId, String groupId) {
        Group group = identity.newGroup(groupId);
        group.setName(groupId);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        User user = identity.newUser(userId);
        user.setPassword(Demo.PASSWORD);
        ((IdentityServiceImpl) identity).saveUser(user, true);
        identity.createMembership(userId, groupId);
        return userId;
    }

    /** What an enrolment is: built with the defaults of an ordinary 低保 household, changed by its withers. */
    public static final class Spec {
        final String village;
        LocalDate since = LocalDate.of(2026, 1, 1);
        final Map<YearMonth, BigDecimal> amounts = new LinkedHashMap<>();
        String programme = "DIBAO";
        String name = "张三";
        String idNumber = ResidentIds.ofAge(45);
        String bankAccountRef;
        int householdSize = 3;
        int coveredPeople = 3;
        YearMonth phaseOutUntil;
        BigDecimal phaseOutShare;
        YearMonth suspendedFrom;
        YearMonth lastPaidMonth;

        Spec(String village, String amount) {
            this.village = village;
            amounts.put(YearMonth.from(since), new BigDecimal(amount));
        }

        /** The first day covered: a day other than the 1st makes its month a prorated first month. */
        public Spec since(LocalDate day) {
            BigDecimal first = amounts.values().iterator().next();
            amounts.clear();
            amounts.put(YearMonth.from(day), first);
            this.since = day;
            return this;
        }

        public Spec amountFrom(YearMonth month, String amount) {
            amounts.put(month, new BigDecimal(amount));
            return this;
        }

        public Spec phaseOut(YearMonth until, String share) {
            this.phaseOutUntil = until;
            this.phaseOutShare = new BigDecimal(share);
            return this;
        }

        public Spec suspendedFrom(YearMonth month) {
            this.suspendedFrom = month;
            return this;
        }

        public Spec lastPaid(YearMonth month) {
            this.lastPaidMonth = month;
            return this;
        }

        public Spec people(int householdSize, int coveredPeople) {
            this.householdSize = householdSize;
            this.coveredPeople = coveredPeople;
            return this;
        }

        public Spec payee(String name, String idNumber) {
            this.name = name;
            this.idNumber = idNumber;
            return this;
        }

        public Spec bank(String ref) {
            this.bankAccountRef = ref;
            return this;
        }

        public Spec programme(String programme) {
            this.programme = programme;
            return this;
        }
    }

    /** An enrolment as inserted: its id and number. */
    public record Enrolled(long id, String number, Spec spec) {
    }

    public static Spec household(String village, String amount) {
        return new Spec(village, amount);
    }

    /**
     * Inserts the enrolment with its household, source case (an approved one), members and amount rows, in the
     * way the enrolment module stores them.
     */
    public Enrolled enrol(Spec s) {
        return tx.execute(status -> {
            String township = s.village.substring(0, 9);
            String county = s.village.substring(0, 6);
            Timestamp now = Timestamp.from(Instant.now());
            long household = insert("insert into household (village_code, created_at) values (?, ?)", s.village, now);
            long caseId = insert("insert into assistance_case (programme, status, village_code, township_code, "
                    + "county_code, household_id, applicant_name, applicant_id_number, reason, approval_delegated, "
                    + "submitted_at, submitted_by, version) values (?, 'APPROVED', ?, ?, ?, ?, ?, ?, '发放名册测试', false, "
                    + "?, 'test', 0)", s.programme, s.village, township, county, household, s.name, s.idNumber, now);
            YearMonth sinceMonth = YearMonth.from(s.since);
            long id = insert("insert into enrolment (programme, unit, status, case_id, household_id, village_code, "
                    + "township_code, county_code, payee_name, payee_id_number, bank_account_ref, household_size, "
                    + "covered_people, since_date, since_month, review_class, next_review_due, phase_out_until, "
                    + "phase_out_share, suspended_from, last_paid_month, created_at, version) values (?, 'HOUSEHOLD', "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CHANGING', ?, ?, ?, ?, ?, ?, 0)", s.programme,
                    s.lastPaidMonth != null ? "ENDED" : s.suspendedFrom != null ? "SUSPENDED"
                            : s.phaseOutUntil != null ? "PHASING_OUT" : "ACTIVE",
                    caseId, household, s.village, township, county, s.name, s.idNumber, s.bankAccountRef,
                    s.householdSize, s.coveredPeople, java.sql.Date.valueOf(s.since), sinceMonth.toString(),
                    java.sql.Date.valueOf(s.since.plusMonths(6)), str(s.phaseOutUntil), s.phaseOutShare,
                    str(s.suspendedFrom), str(s.lastPaidMonth), now);
            String number = "BZ-" + s.since.getYear() + "-" + township + "-" + "%06d".formatted(id % 1_000_000);
            jdbc.update("update enrolment set enrolment_number = ? where id = ?", number, id);
            // The periods the rolls read (enrolment_period), as the enrolment module records them.
            if (s.phaseOutUntil != null) {
                jdbc.update("insert into enrolment_period (enrolment_id, kind, from_month, until_month, share) values"
                        + " (?, 'PHASE_OUT', ?, ?, ?)", id, sinceMonth.toString(), s.phaseOutUntil.toString(),
                        s.phaseOutShare);
            }
            if (s.suspendedFrom != null) {
                jdbc.update("insert into enrolment_period (enrolment_id, kind, from_month, until_month, share) values"
                        + " (?, 'SUSPENSION', ?, null, null)", id, s.suspendedFrom.toString());
            }
            for (int i = 0; i < s.householdSize; i++) {
                jdbc.update("insert into enrolment_member (enrolment_id, position, name, id_number, relation, "
                        + "birth_date, gender, covered, serious_illness, able_to_work) values (?, ?, ?, ?, ?, ?, ?, ?, "
                        + "false, ?)", id, i, i == 0 ? s.name : s.name + i, i == 0 ? s.idNumber : ResidentIds.ofAge(20),
                        i == 0 ? "SELF" : "CHILD", java.sql.Date.valueOf(LocalDate.of(1980, 1, 1)), "MALE",
                        i < s.coveredPeople, i == 0);
            }
            for (Map.Entry<YearMonth, BigDecimal> a : s.amounts.entrySet()) {
                long amountId = insert("insert into enrolment_amount (enrolment_id, from_month, amount, reason, "
                        + "decided_by, decided_at) values (?, ?, ?, ?, 'test', ?)", id, a.getKey().toString(),
                        a.getValue(), Objects.equals(a.getKey(), sinceMonth) ? "ENROLMENT" : "ADJUSTMENT", now);
                jdbc.update("insert into enrolment_amount_line (amount_id, position, kind, member_position, amount) "
                        + "values (?, 0, 'BASE', null, ?)", amountId, a.getValue());
            }
            return new Enrolled(id, number, s);
        });
    }

    /**
     * A person enrolled alone in 低保 as the enrolment module records it: the enrolment, its coverage key (what the
     * monitoring's comparisons and the intake rule read) and the household member the review case starts from.
     */
    public Enrolled enrolCovered(String village, String name, String idNumber) {
        Enrolled e = enrol(household(village, "300.00").payee(name, idNumber).people(1, 1));
        jdbc.update("insert into enrolment_coverage (id_number, programme, enrolment_id) values (?, 'DIBAO', ?)",
                idNumber, e.id());
        jdbc.update("insert into household_member (household_id, position, name, id_number, relation, birth_date,"
                + " gender, serious_illness, able_to_work) select household_id, 0, ?, ?, 'SELF', ?, 'MALE', false, false"
                + " from enrolment where id = ?", name, idNumber, java.sql.Date.valueOf(LocalDate.parse(
                        idNumber.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE)), e.id());
        return e;
    }

    /** Changes the amount of the row in force from a month (a correction after a roll was confirmed). */
    void correctAmount(long enrolmentId, YearMonth from, String amount) {
        jdbc.update("update enrolment_amount set amount = ? where enrolment_id = ? and from_month = ?",
                new BigDecimal(amount), enrolmentId, from.toString());
    }

    private long insert(String sql, Object... args) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, keys);
        // H2 answers the key as ID, Connector/J as GENERATED_KEY: the one value there is.
        return ((Number) keys.getKeys().values().iterator().next()).longValue();
    }

    private static String str(YearMonth m) {
        return m == null ? null : m.toString();
    }
}
