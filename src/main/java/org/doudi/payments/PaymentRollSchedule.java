package org.doudi.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.doudi.TimeConfig;
import org.doudi.payments.PaymentRollStore.RollDay;
import org.doudi.security.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts each county's payment roll of the current month on the day its policy names ({@code payment_roll_day},
 * 1–28, default 20), unless the month is confirmed already (docs/payment-rolls.md, "Schedule").
 * <p>
 * The current month, not the next: a month's benefit is paid in that month, and a roll drafted on its day holds every
 * decision taken until then (approvals of the month before start in it; stops, suspensions and gradual exits of the
 * month are already recorded), instead of forecasting a month whose changes are still to come. Whatever is decided
 * after the county confirms (a first month prorated from an approval later in the month) is paid by a supplementary
 * roll.
 * <p>
 * The job looks every hour ({@code doudi.payments.roll-schedule}), on the application's {@link Clock} (the demo
 * clock moves it): a county is due on its day, or on a later day of the month when no node had drafted its roll yet
 * (a restart, the demo clock moved past the day). Once per county and month, on any number of nodes: the row of
 * {@code payment_roll_schedule_run} decides — the node whose insert wins generates, in the same transaction, and
 * the others find the row and do nothing; a failed generation leaves no row, and the next hour tries again.
 */
@Component
class PaymentRollSchedule {

    private static final Logger log = LoggerFactory.getLogger(PaymentRollSchedule.class);

    static final String GENERATED = "GENERATED";
    static final String ALREADY_CONFIRMED = "CONFIRMED";

    private final PaymentRolls rolls;
    private final PaymentRollStore store;
    private final Clock clock;
    private final TransactionTemplate tx;

    PaymentRollSchedule(PaymentRolls rolls, PaymentRollStore store, Clock clock,
            PlatformTransactionManager transactions) {
        this.rolls = rolls;
        this.store = store;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${doudi.payments.roll-schedule:0 7 * * * *}", zone = "Asia/Shanghai")
    void hourly() {
        draftDueRolls();
    }

    /** Drafts the rolls due today that no node has drafted this month: how many this node generated. */
    int draftDueRolls() {
        LocalDate today = TimeConfig.today(clock);
        YearMonth month = YearMonth.from(today);
        int generated = 0;
        for (RollDay due : store.rollDays(month)) {
            if (due.day() > today.getDayOfMonth()) {
                continue;
            }
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> draft(due.countyCode(), month)))) {
                    generated++;
                }
            } catch (RuntimeException e) {
                log.warn("payment roll {} {}: the scheduled draft failed, retried within the hour: {}",
                        due.countyCode(), month, e.toString());
            }
        }
        return generated;
    }

    private boolean draft(String county, YearMonth month) {
        if (!store.claimScheduleRun(county, month, clock.instant(), GENERATED)) {
            return false;
        }
        boolean confirmed = store.find(county, month, 0).map(r -> r.status() == RollStatus.CONFIRMED).orElse(false);
        if (confirmed) {
            store.scheduleOutcome(county, month, ALREADY_CONFIRMED);
            return false;
        }
        rolls.generate(county, month, null, Actors.SYSTEM);
        return true;
    }
}
