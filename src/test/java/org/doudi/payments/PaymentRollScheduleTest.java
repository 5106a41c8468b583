package org.doudi.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.payments.RollFixture.household;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.TimeConfig;
import org.doudi.payments.RollFixture.County;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.RegionRepository;
import org.doudi.security.Actors;
import org.doudi.test.IntegrationTest;
import org.doudi.test.TestCounties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schedule drafts a county's roll of the month on its day (the engine clock moved, as the demo clock moves it),
 * once per month however often it looks and however many nodes look at once, and leaves a confirmed month alone.
 */
@IntegrationTest
class PaymentRollScheduleTest {

    static final YearMonth MONTH = YearMonth.of(2027, 2);

    @Autowired
    PaymentRollSchedule schedule;
    @Autowired
    PaymentRolls rolls;
    @Autowired
    PaymentRollStore store;
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

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void today(int day, int hour) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(MONTH.atDay(day), LocalTime.of(hour, 7))
                .atZone(TimeConfig.LEGAL_ZONE).toInstant()));
    }

    @Test
    void draftsTheMonthsRollOnTheCountysDayOnceAndLeavesAConfirmedMonthAlone() {
        RollFixture fixture = new RollFixture(jdbc, counties, regions, policies, identity, tx);
        County due = fixture.county(AmountRule.EXACT);
        County confirmed = fixture.county(AmountRule.EXACT);
        County later = fixture.county(AmountRule.EXACT);
        for (County c : List.of(due, confirmed, later)) {
            fixture.enrol(household(c.village(), "512.34").since(LocalDate.of(2026, 11, 1)));
        }
        fixture.rollDay(due.code(), 5);
        fixture.rollDay(confirmed.code(), 5);
        fixture.rollDay(later.code(), 20);

        // On the 3rd, county staff draft and confirm one county's month themselves.
        today(3, 9);
        RollAccess staff = new RollAccess(true, Set.of(), true);
        rolls.generate(confirmed.code(), MONTH, staff, confirmed.reviewer());
        rolls.confirm(confirmed.code(), MONTH, 0, null, staff, confirmed.reviewer());
        long confirmedVersion = roll(confirmed).version();

        // The day before: nothing.
        today(4, 23);
        schedule.draftDueRolls();
        assertThat(rolls(due)).isZero();

        // On the day, in the early morning (China Standard Time).
        today(5, 0);
        schedule.draftDueRolls();
        PaymentRollStore.Roll drafted = roll(due);
        assertThat(drafted.status()).isEqualTo(RollStatus.DRAFT);
        assertThat(drafted.generatedBy()).isEqualTo(Actors.SYSTEM);
        assertThat(drafted.total()).isEqualByComparingTo("512.34");
        assertThat(drafted.version()).isEqualTo(1);
        assertThat(roll(confirmed).status()).isEqualTo(RollStatus.CONFIRMED);
        assertThat(roll(confirmed).version()).isEqualTo(confirmedVersion);
        assertThat(outcome(confirmed)).isEqualTo(PaymentRollSchedule.ALREADY_CONFIRMED);
        assertThat(rolls(later)).isZero();

        // Every later look this month leaves the draft as it is.
        today(5, 1);
        schedule.draftDueRolls();
        today(19, 13);
        schedule.draftDueRolls();
        assertThat(roll(due).version()).isEqualTo(1);
        assertThat(rolls(later)).isZero();

        // A county whose day the clock jumped over is drafted at the next look.
        today(27, 10);
        schedule.draftDueRolls();
        assertThat(roll(later).generatedBy()).isEqualTo(Actors.SYSTEM);
        assertThat(outcome(later)).isEqualTo(PaymentRollSchedule.GENERATED);
    }

    @Test
    void twoNodesLookingAtOnceDraftTheRollOnce() throws Exception {
        RollFixture fixture = new RollFixture(jdbc, counties, regions, policies, identity, tx);
        County c = fixture.county(AmountRule.EXACT);
        fixture.enrol(household(c.village(), "100.01").since(LocalDate.of(2026, 12, 1)));
        fixture.enrol(household(c.village2(), "200.02").since(LocalDate.of(2026, 12, 1)));
        fixture.rollDay(c.code(), 9);
        today(9, 8);
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> looks = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Callable<Integer> look = () -> {
                start.await();
                return schedule.draftDueRolls();
            };
            looks.add(pool.submit(look));
        }
        start.countDown();
        for (Future<Integer> look : looks) {
            look.get();
        }
        pool.shutdown();
        PaymentRollStore.Roll roll = roll(c);
        assertThat(roll.version()).as("generated once").isEqualTo(1);
        assertThat(roll.total()).isEqualByComparingTo("300.03");
        assertThat(jdbc.queryForObject("select count(*) from payment_roll_schedule_run where county_code = ?",
                Integer.class, c.code())).isEqualTo(1);
    }

    private PaymentRollStore.Roll roll(County c) {
        return store.find(c.code(), MONTH, 0).orElseThrow();
    }

    private int rolls(County c) {
        return jdbc.queryForObject("select count(*) from payment_roll where county_code = ? and pay_month = ?",
                Integer.class, c.code(), MONTH.toString());
    }

    private String outcome(County c) {
        return jdbc.queryForObject("select outcome from payment_roll_schedule_run where county_code = ? and pay_month = ?",
                String.class, c.code(), MONTH.toString());
    }
}
