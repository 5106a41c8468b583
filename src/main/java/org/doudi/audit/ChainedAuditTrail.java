package org.doudi.audit;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The application's {@link AuditTrail}: {@link #record} appends the entry at once; chaining follows on
 * a background thread (and every few seconds, for entries other nodes left pending), so the caller
 * never waits for the chain.
 * <p>
 * When the entry cannot be written, {@link #record} logs an ERROR (the action and outcome only, no
 * personal data) and rethrows the {@link DataAccessException}: a filter in front of an act can still
 * refuse it (503); a caller whose act is already done (the {@code /api} filter, the login listener)
 * catches it and carries on, since failing the answer would not undo the act.
 */
@Component
class ChainedAuditTrail implements AuditTrail, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChainedAuditTrail.class);

    private final AuditChain chain;
    private final AuditProperties properties;
    private final ExecutorService chainer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-chainer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean chainQueued = new AtomicBoolean();

    ChainedAuditTrail(AuditChain chain, AuditProperties properties) {
        this.chain = chain;
        this.properties = properties;
    }

    @Override
    public void record(AuditEvent event) {
        try {
            chain.append(event);
        } catch (DataAccessException e) {
            log.error("an audit entry could not be written (action {}, outcome {}): {}", event.action(),
                    event.outcome(), describe(e));
            throw e;
        }
        chainSoon();
    }

    /** One chaining run queued at a time: a burst of entries is chained together. */
    private void chainSoon() {
        if (chainQueued.compareAndSet(false, true)) {
            try {
                chainer.execute(() -> {
                    chainQueued.set(false);
                    chainQuietly();
                });
            } catch (RejectedExecutionException shuttingDown) {
                chainQueued.set(false);
            }
        }
    }

    @Scheduled(initialDelayString = "${doudi.audit.chain-interval-millis:2000}",
            fixedDelayString = "${doudi.audit.chain-interval-millis:2000}")
    void chainLeftovers() {
        chainQuietly();
    }

    private void chainQuietly() {
        try {
            chain.chainPending();
        } catch (RuntimeException e) {
            // The entries stay pending; the next run (or the next read) chains them.
            log.warn("chaining audit entries failed, will retry: {}", describe(e));
        }
    }

    @Scheduled(cron = "${doudi.audit.prune-cron:0 40 2 * * *}", zone = "Asia/Shanghai")
    void pruneOldEntries() {
        long removed = chain.prune(Duration.ofDays(properties.retentionDays()));
        if (removed > 0) {
            record(new AuditEvent("system", "audit.pruned", "audit_entry", null, null, AuditEvent.SUCCESS,
                    removed + " entries older than " + properties.retentionDays()
                            + " days removed; the start of the chain is signed in audit_head", null));
        }
    }

    /** The kind of failure, never its message: a driver may quote the values that failed. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = root instanceof java.sql.SQLException sql ? " (SQL state " + sql.getSQLState() + ")" : "";
        return e.getClass().getSimpleName() + " caused by " + root.getClass().getName() + state;
    }

    @Override
    public void destroy() throws InterruptedException {
        chainer.shutdown();
        chainer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
