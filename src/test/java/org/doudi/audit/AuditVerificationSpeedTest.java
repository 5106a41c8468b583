package org.doudi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 100 000 entries are chained and verified within a bound that leaves a million entries verifiable in a
 * request's patience (verification streams the chain page by page, in constant memory).
 */
@Tag("slow")
class AuditVerificationSpeedTest {

    private static final Logger log = LoggerFactory.getLogger(AuditVerificationSpeedTest.class);
    private static final int ENTRIES = 100_000;

    static TrailDatabase db;

    @BeforeAll
    static void database() {
        db = new TrailDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Inserts entries as {@link AuditChain#append} would, five hundred rows per statement. */
    static void insert(AuditMacs macs, int count) {
        HexFormat hex = HexFormat.of();
        int perStatement = 500;
        String values = String.join(", ", java.util.Collections.nCopies(perStatement, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String caseNumber = "DB-2026-130102100-" + String.format("%06d", i % 1_000_000);
            StoredEntry e = new StoredEntry(null, null, TrailDatabase.START.plusSeconds(i / 20), "caseworker" + (i % 7),
                    "api.POST /api/cases/{caseNumber}/objections", caseNumber, caseNumber, "130102", "SUCCESS",
                    "HTTP 202; fields: text", "10.0.0." + (i % 250), hex.formatHex(nonce), null, null, null);
            args.addAll(List.of(StoredEntry.toDatabase(e.at()), e.actor(), e.action(), e.target(), e.caseNumber(),
                    e.regionCode(), e.outcome(), e.detail(), e.clientAddress(), e.nonce(), macs.entryMac(e)));
            if (args.size() == perStatement * 11) {
                db.jdbc.update("insert into audit_entry (at, actor, action, target, case_number, region_code, outcome,"
                        + " detail, client_address, nonce, entry_mac) values " + values, args.toArray());
                args.clear();
            }
        }
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("count must be a multiple of " + perStatement);
        }
    }

    @Test
    void verifiesAHundredThousandEntriesInSeconds() {
        db.empty();
        AuditMacs macs = new AuditMacs(TrailDatabase.KEY);
        AuditChain chain = new AuditChain(db.dataSource, db.transactions, macs, db.clock(), 1000);
        insert(macs, ENTRIES);

        long chainStart = System.nanoTime();
        assertThat(chain.chainPending()).isEqualTo(ENTRIES);
        Duration chaining = Duration.ofNanos(System.nanoTime() - chainStart);

        long verifyStart = System.nanoTime();
        AuditChain.Verification v = chain.verify();
        Duration verifying = Duration.ofNanos(System.nanoTime() - verifyStart);

        log.info("{} audit entries: chained in {} ms, verified in {} ms", ENTRIES, chaining.toMillis(),
                verifying.toMillis());
        assertThat(v.valid()).isTrue();
        assertThat(v.entries()).isEqualTo(ENTRIES);
        assertThat(verifying).isLessThan(Duration.ofSeconds(30));

        db.jdbc.update("update audit_entry set actor = 'admin' where seq = ?", ENTRIES - 5);
        assertThat(chain.verify().firstBrokenAt()).isEqualTo(ENTRIES - 5);
    }
}
