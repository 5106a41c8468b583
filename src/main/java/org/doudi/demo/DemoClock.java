package org.doudi.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo clock (演示时钟, {@code doudi.demo=true} only): moves the engine clock and, with it, the
 * application's {@link Clock} (which follows the engine's), forward by a duration, so that a demo
 * need not wait seven days for a public notice. It uses the engine clock's offset: time keeps
 * running from the moved moment. The total offset is kept in {@code demo_clock} and restored at
 * start-up, before the job executor starts, so that a restart never travels back in time; the job
 * executor is woken so that the timers now due fire at once.
 * <p>
 * One node only: another node on the same database learns the offset when it restarts.
 */
@Component
@ConditionalOnProperty(name = "doudi.demo", havingValue = "true")
public class DemoClock implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoClock.class);

    /** The most one move may advance: a slip of the keyboard (P800D) is refused, not obeyed. */
    static final Duration MAX_ADVANCE = Duration.ofDays(366);

    private final JdbcTemplate db;
    private final TransactionTemplate tx;
    private final ProcessEngine engine;
    private final Clock clock;

    DemoClock(JdbcTemplate db, PlatformTransactionManager transactions, ProcessEngine engine, Clock clock) {
        this.db = db;
        this.tx = new TransactionTemplate(transactions);
        this.engine = engine;
        this.clock = clock;
    }

    /** Where the clocks stand and how far they have been moved in total. */
    public record State(Instant now, Duration moved) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        Duration moved = moved();
        if (!moved.isZero()) {
            ClockUtil.offset(moved.toMillis());
            log.info("demo clock restored: moved forward by {}, now {}", format(moved), clock.instant());
        }
    }

    public State state() {
        return new State(clock.instant(), moved());
    }

    /** Moves both clocks forward; refuses a duration that is not positive, or absurdly long. */
    public State advance(Duration by, String actor) {
        if (by == null || by.isZero() || by.isNegative()) {
            throw InvalidInputException.of("advance", "拨快时长必须大于零，演示时钟只能向前拨（如 P8D）");
        }
        if (by.compareTo(MAX_ADVANCE) > 0) {
            throw InvalidInputException.of("advance", "一次最多拨快 366 天（P366D）");
        }
        Duration total = tx.execute(status -> {
            List<Long> rows = db.queryForList("select offset_millis from demo_clock where id = 1 for update",
                    Long.class);
            Duration next = Duration.ofMillis(rows.isEmpty() ? 0 : rows.get(0)).plus(by);
            Instant at = Instant.now().plus(next);
            if (rows.isEmpty()) {
                db.update("insert into demo_clock (id, offset_millis, moved_at, moved_by) values (1, ?, ?, ?)",
                        next.toMillis(), Timestamp.from(at), actor);
            } else {
                db.update("update demo_clock set offset_millis = ?, moved_at = ?, moved_by = ? where id = 1",
                        next.toMillis(), Timestamp.from(at), actor);
            }
            return next;
        });
        ClockUtil.offset(total.toMillis());
        wakeJobExecutor();
        log.info("demo clock moved forward by {} by {}: total {}, now {}", format(by), actor, format(total),
                clock.instant());
        return new State(clock.instant(), total);
    }

    private Duration moved() {
        List<Long> rows = db.queryForList("select offset_millis from demo_clock where id = 1", Long.class);
        return Duration.ofMillis(rows.isEmpty() ? 0 : rows.get(0));
    }

    /** Timers due at the new time are acquired now, not at the executor's next idle poll. */
    private void wakeJobExecutor() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        if (executor != null && executor.isActive()) {
            executor.jobWasAdded();
        }
    }

    /** An ISO-8601 duration with days, as a person would write it: {@code P8D}, {@code P8DT2H}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "PT0S";
        }
        long days = d.toDays();
        Duration rest = d.minusDays(days);
        return "P" + (days > 0 ? days + "D" : "") + (rest.isZero() ? "" : rest.toString().substring(1));
    }
}
