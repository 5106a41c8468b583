package org.doudi.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.payments.RollFixture.household;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.doudi.payments.RollFixture.County;
import org.doudi.payments.RollFixture.Enrolled;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.RegionRepository;
import org.doudi.shared.PersonalData;
import org.doudi.test.IntegrationTest;
import org.doudi.test.TestCounties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roll's SQL against BigDecimal, on the test database: for each of the nine rounding rules (分/角/元 ×
 * 四舍五入/舍去/进位), in force in a month of its own, random monthly amounts, shares and first days give the
 * amount that {@code monthly × share × days / days of the month}, rounded by {@link BigDecimal#divide(BigDecimal,
 * int, RoundingMode)} (exact), gives; and the SQL masks ID numbers of every length as
 * {@link PersonalData#maskIdNumber} does.
 */
@IntegrationTest
class PayableAmountsTest {

    @Autowired
    PaymentRolls rolls;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestCounties counties;
    @Autowired
    RegionRepository regions;
    @Autowired
    CountyPolicyRepository policies;
    @Autowired
    IdentityService identity;
    @Autowired
    TransactionTemplate tx;

    @Test
    void everyLineIsTheExactAmountRoundedOnceByTheRuleOfItsMonth() {
        RollFixture fixture = new RollFixture(jdbc, counties, regions, policies, identity, tx);
        County c = fixture.county(AmountRule.EXACT);
        YearMonth first = YearMonth.of(2025, 1);
        List<AmountRule> rules = new ArrayList<>();
        for (AmountRule.Unit unit : AmountRule.Unit.values()) {
            for (AmountRule.Mode mode : AmountRule.Mode.values()) {
                rules.add(new AmountRule(unit, mode, null));
            }
        }
        Map<YearMonth, AmountRule> ruleOf = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            YearMonth month = first.plusMonths(i);
            fixture.ruleFrom(c.code(), month, rules.get(i));
            ruleOf.put(month, rules.get(i));
        }
        Random random = new Random(20261207);
        List<Enrolled> enrolled = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            YearMonth month = first.plusMonths(i);
            for (int k = 0; k < 12; k++) {
                BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(300_000), 2);
                RollFixture.Spec s = household(k % 2 == 0 ? c.village() : c.village2(), amount.toPlainString())
                        .since(month.atDay(1 + random.nextInt(month.lengthOfMonth())));
                if (k % 3 == 0) {
                    s.phaseOut(first.plusMonths(rules.size()), BigDecimal.valueOf(1 + random.nextInt(10_000), 4)
                            .toPlainString());
                }
                if (k == 5) {
                    s.payee("李四", "440524800101001");
                } else if (k == 7) {
                    s.payee("赵五", "12345");
                } else if (k == 9) {
                    s.payee("钱六", "1234567890");
                } else if (k == 11) {
                    s.payee("孙七", "123456789");
                }
                enrolled.add(fixture.enrol(s));
            }
        }
        RollAccess staff = new RollAccess(true, Set.of(), true);
        int checked = 0;
        for (int i = 0; i < rules.size(); i++) {
            YearMonth month = first.plusMonths(i);
            rolls.generate(c.code(), month, staff, c.reviewer());
            Map<Long, Map<String, Object>> lines = new HashMap<>();
            jdbc.queryForList("select l.* from payment_roll_line l join payment_roll r on r.id = l.roll_id where "
                    + "r.county_code = ? and r.pay_month = ? and r.sequence_no = 0", c.code(), month.toString())
                    .forEach(row -> lines.put(((Number) row.get("enrolment_id")).longValue(), row));
            for (Enrolled e : enrolled) {
                YearMonth since = YearMonth.from(e.spec().since);
                Map<String, Object> line = lines.get(e.id());
                if (since.isAfter(month)) {
                    assertThat(line).as("not yet payable").isNull();
                    continue;
                }
                BigDecimal expected = expected(e.spec(), month, ruleOf.get(month));
                assertThat(line).as("line of %s", e.number()).isNotNull();
                assertThat((BigDecimal) line.get("amount")).as("%s in %s by %s", e.number(), month, ruleOf.get(month))
                        .isEqualByComparingTo(expected);
                assertThat(line.get("id_number_masked")).isEqualTo(PersonalData.maskIdNumber(e.spec().idNumber));
                checked++;
            }
            assertThat(lines).hasSize((i + 1) * 12);
        }
        assertThat(checked).isEqualTo(12 * (1 + rules.size()) * rules.size() / 2);
    }

    /** The amount of a line by BigDecimal: an exact product, rounded once (at least one unit). */
    static BigDecimal expected(RollFixture.Spec s, YearMonth month, AmountRule rule) {
        BigDecimal monthly = s.amounts.values().iterator().next();
        boolean phaseOut = s.phaseOutUntil != null && !month.isAfter(s.phaseOutUntil);
        boolean prorated = YearMonth.from(s.since).equals(month) && s.since.getDayOfMonth() > 1;
        if (!phaseOut && !prorated) {
            return monthly;
        }
        int days = prorated ? month.lengthOfMonth() - s.since.getDayOfMonth() + 1 : month.lengthOfMonth();
        BigDecimal share = phaseOut ? s.phaseOutShare : BigDecimal.ONE;
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
        BigDecimal rounded = monthly.multiply(share).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), scale, mode);
        if (rounded.signum() == 0) {
            rounded = BigDecimal.ONE.movePointLeft(scale);
        }
        return rounded.setScale(2);
    }
}
