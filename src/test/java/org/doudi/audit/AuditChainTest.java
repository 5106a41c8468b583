package org.doudi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * The chain on a database of its own: what it takes concurrently, and every kind of tampering with its
 * tables that verification must detect — and the chain valid again once the tampering is undone.
 */
class AuditChainTest {

    static TrailDatabase db;
    AuditChain chain;

    @BeforeAll
    static void database() {
        db = new TrailDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void freshTrail() {
        db.empty();
        db.now.set(TrailDatabase.START);
        chain = db.chain();
    }

    static AuditEvent event(int i) {
        return new AuditEvent("caseworker1", "api.POST /api/cases/{caseNumber}/objections",
                "DB-2026-130102100-" + String.format("%06d", i), "DB-2026-130102100-" + String.format("%06d", i),
                "130102", AuditEvent.SUCCESS, "HTTP 202; fields: text", "10.0.0." + (i % 250));
    }

    /** Appends and chains n entries; returns the head's last position. */
    long write(int n) {
        for (int i = 1; i <= n; i++) {
            chain.append(event(i));
        }
        chain.chainPending();
        return db.jdbc.queryForObject("select last_seq from audit_head", Long.class);
    }

    Map<String, Object> row(long seq) {
        return db.jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
    }

    void reinsert(Map<String, Object> row) {
        db.jdbc.update("insert into audit_entry (id, seq, at, actor, action, target, case_number, region_code, outcome,"
                + " detail, client_address, nonce, entry_mac, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)", row.get("id"), row.get("seq"), row.get("at"), row.get("actor"), row.get("action"),
                row.get("target"), row.get("case_number"), row.get("region_code"), row.get("outcome"),
                row.get("detail"), row.get("client_address"), row.get("nonce"), row.get("entry_mac"),
                row.get("prev_hash"), row.get("hash"));
    }

    @Test
    void verifiesAThousandEntriesWrittenAtOnceByTwentyThreadsOnTwoNodes() throws Exception {
        AuditChain otherNode = db.chain();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            AuditChain node = t % 2 == 0 ? chain : otherNode;
            int thread = t;
            done.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                    node.append(event(thread * 100 + i));
                    if (i % 10 == 9) {
                        node.chainPending();
                    }
                }
                return 50;
            }));
        }
        start.countDown();
        for (Future<Integer> f : done) {
            assertThat(f.get()).isEqualTo(50);
        }
        pool.shutdown();

        AuditChain.Verification v = chain.verify();
        assertThat(v.valid()).as(v.problems().toString()).isTrue();
        assertThat(v.entries()).isEqualTo(1000);
        assertThat(v.firstBrokenAt()).isNull();
        assertThat(db.jdbc.queryForObject("select count(distinct seq) from audit_entry where seq between 1 and 1000",
                Integer.class)).isEqualTo(1000);
        assertThat(db.jdbc.queryForObject("select last_seq from audit_head", Long.class)).isEqualTo(1000);
        assertThat(otherNode.verify().valid()).isTrue();
    }

    @Test
    void aColumnChangedWithSqlBreaksTheChainAtThatEntryUntilItIsRestored() {
        write(30);
        String detail = (String) row(17).get("detail");

        db.jdbc.update("update audit_entry set detail = 'HTTP 202' where seq = 17");
        AuditChain.Verification v = chain.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenAt()).isEqualTo(17);
        assertThat(v.problems()).extracting(AuditChain.Problem::seq).containsExactly(17L);
        assertThat(v.entries()).isEqualTo(30);

        db.jdbc.update("update audit_entry set detail = ? where seq = 17", detail);
        assertThat(chain.verify().valid()).isTrue();
    }

    @Test
    void everyColumnOfAnEntryIsCovered() {
        write(5);
        for (String change : List.of("actor = 'admin'", "action = 'case.read'", "target = 'x'",
                "case_number = null", "region_code = '130104'", "outcome = 'REFUSED'", "detail = null",
                "client_address = '10.9.9.9'", "at = at + interval '1' second", "nonce = '" + "0".repeat(32) + "'",
                "prev_hash = hash", "hash = prev_hash", "entry_mac = hash")) {
            Map<String, Object> original = row(3);
            db.jdbc.update("update audit_entry set " + change + " where seq = 3");
            assertThat(chain.verify().firstBrokenAt()).as(change).isEqualTo(3);

            db.jdbc.update("delete from audit_entry where seq = 3");
            reinsert(original);
            assertThat(chain.verify().valid()).as("restored after " + change).isTrue();
        }
    }

    @Test
    void swappingTwoEntriesPositionsIsDetected() {
        write(10);
        db.jdbc.update("update audit_entry set seq = -4 where seq = 4");
        db.jdbc.update("update audit_entry set seq = 4 where seq = 5");
        db.jdbc.update("update audit_entry set seq = 5 where seq = -4");
        assertThat(chain.verify().firstBrokenAt()).isEqualTo(4);
    }

    @Test
    void aDeletedMiddleEntryIsDetectedAtItsPosition() {
        write(20);
        Map<String, Object> deleted = row(8);
        db.jdbc.update("delete from audit_entry where seq = 8");

        AuditChain.Verification v = chain.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenAt()).isEqualTo(8);
        assertThat(v.entries()).isEqualTo(19);
        assertThat(v.problems().get(0).reason()).contains("missing");

        reinsert(deleted);
        assertThat(chain.verify().valid()).isTrue();
    }

    @Test
    void deletedNewestEntriesAreDetectedAgainstTheSignedHead() {
        long last = write(20);
        db.jdbc.update("delete from audit_entry where seq >= ?", last - 1);

        AuditChain.Verification v = chain.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenAt()).isEqualTo(last - 1);
        assertThat(v.entries()).isEqualTo(18);
    }

    @Test
    void deletingTheNewestEntryAndSettingTheHeadBackIsDetected() {
        long last = write(20);
        Map<String, Object> previous = row(last - 1);
        db.jdbc.update("delete from audit_entry where seq = ?", last);
        db.jdbc.update("update audit_head set last_seq = ?, last_hash = ?", last - 1, previous.get("hash"));

        AuditChain.Verification v = db.chain().verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenAt()).isEqualTo(last);
        assertThat(v.problems().get(0).reason()).contains("head");
    }

    @Test
    void anEarlierHeadPutBackWithTheNewestEntriesDeletedIsDetectedByANodeThatSawTheLaterHead() {
        write(10);
        Map<String, Object> earlierHead = db.jdbc.queryForMap("select * from audit_head");
        for (int i = 0; i < 5; i++) {
            chain.append(event(100 + i));
        }
        chain.chainPending();
        db.jdbc.update("delete from audit_entry where seq > 10");
        db.jdbc.update("update audit_head set last_seq = ?, last_hash = ?, head_mac = ?",
                earlierHead.get("last_seq"), earlierHead.get("last_hash"), earlierHead.get("head_mac"));

        AuditChain.Verification v = chain.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenAt()).isEqualTo(11);
    }

    @Test
    void aForgedEntryInsertedUnchainedIsChainedAndReportedAtItsPosition() {
        long last = write(10);
        db.jdbc.update("insert into audit_entry (at, actor, action, outcome, detail, nonce, entry_mac) values"
                + " (?, 'reviewer1', 'api.POST /api/funds/{townshipCode}/reversals', 'SUCCESS', 'HTTP 201', ?, ?)",
                row(1).get("at"), "f".repeat(32), "0".repeat(64));
        chain.append(event(99));

        AuditChain.Verification v = chain.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenAt()).isEqualTo(last + 1);
        assertThat(v.problems()).extracting(AuditChain.Problem::seq).containsExactly(last + 1);
        assertThat(v.entries()).isEqualTo(last + 2);
    }

    @Test
    void aForgedEntryWithAPositionAfterTheHeadIsDetectedAndGoneWhenRemoved() {
        long last = write(10);
        Map<String, Object> copy = row(last);
        db.jdbc.update("insert into audit_entry (seq, at, actor, action, outcome, nonce, entry_mac, prev_hash, hash)"
                + " values (?, ?, 'reviewer1', 'case.read', 'SUCCESS', ?, ?, ?, ?)", last + 1, copy.get("at"),
                "e".repeat(32), copy.get("entry_mac"), copy.get("hash"), copy.get("hash"));

        AuditChain.Verification v = chain.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenAt()).isEqualTo(last + 1);

        db.jdbc.update("delete from audit_entry where seq = ?", last + 1);
        assertThat(chain.verify().valid()).isTrue();
    }

    @Test
    void aCopyOfAGenuineEntryIsRefusedOrDetected() {
        write(5);
        Map<String, Object> genuine = row(2);
        assertThatThrownBy(() -> db.jdbc.update("insert into audit_entry (at, actor, action, outcome, nonce,"
                + " entry_mac) values (?, ?, ?, ?, ?, ?)", genuine.get("at"), genuine.get("actor"),
                genuine.get("action"), genuine.get("outcome"), genuine.get("nonce"), genuine.get("entry_mac")))
                .isInstanceOf(DuplicateKeyException.class);

        db.jdbc.update("insert into audit_entry (at, actor, action, target, case_number, region_code, outcome, detail,"
                + " client_address, nonce, entry_mac) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", genuine.get("at"),
                genuine.get("actor"), genuine.get("action"), genuine.get("target"), genuine.get("case_number"),
                genuine.get("region_code"), genuine.get("outcome"), genuine.get("detail"),
                genuine.get("client_address"), "d".repeat(32), genuine.get("entry_mac"));
        assertThat(chain.verify().firstBrokenAt()).isEqualTo(6);
    }

    @Test
    void aChangedHeadStopsChainingButNoEntryIsLost() {
        write(5);
        db.jdbc.update("update audit_head set last_seq = 4");
        chain.append(event(6));

        assertThat(chain.chainPending()).isZero();
        assertThat(db.jdbc.queryForObject("select count(*) from audit_entry where seq is null", Integer.class))
                .isEqualTo(1);
        assertThat(chain.verify().valid()).isFalse();

        db.jdbc.update("update audit_head set last_seq = 5");
        assertThat(chain.chainPending()).isEqualTo(1);
        assertThat(chain.verify().valid()).isTrue();
    }

    @Test
    void aTrailSealedWithAnotherKeyDoesNotVerify() {
        write(3);
        AuditChain.Verification v = db.chain("another-key-of-thirty-two-bytes!".getBytes(), 500).verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenAt()).isEqualTo(1);
        assertThat(v.problems()).anyMatch(p -> p.reason().contains("another key"));
    }

    @Test
    void chainsInBatchesAcrossManyTransactions() {
        chain = db.chain(TrailDatabase.KEY, 7);
        long last = write(50);
        assertThat(last).isEqualTo(50);
        assertThat(chain.verify().valid()).isTrue();
    }

    @Test
    void pruningRemovesOnlyOldEntriesAndWhatRemainsStillVerifies() {
        write(25);
        db.now.set(db.now.get().plus(Duration.ofDays(200)));
        for (int i = 0; i < 5; i++) {
            chain.append(event(i));
        }

        assertThat(chain.prune(Duration.ofDays(180))).isEqualTo(25);

        AuditChain.Verification v = chain.verify();
        assertThat(v.valid()).as(v.problems().toString()).isTrue();
        assertThat(v.entries()).isEqualTo(5);
        assertThat(db.jdbc.queryForObject("select min(seq) from audit_entry", Long.class)).isEqualTo(26);
        assertThat(db.jdbc.queryForObject("select base_seq from audit_head", Long.class)).isEqualTo(25);
        assertThat(chain.prune(Duration.ofDays(180))).isZero();

        // The pruned start cannot be moved without the key either.
        db.jdbc.update("update audit_head set base_seq = 27");
        assertThat(chain.verify().valid()).isFalse();
    }

    @Test
    void pruningRefusesToEraseATamperedEntry() {
        write(10);
        db.jdbc.update("update audit_entry set actor = 'nobody' where seq = 4");
        db.now.set(db.now.get().plus(Duration.ofDays(400)));

        assertThat(chain.prune(Duration.ofDays(180))).isEqualTo(3);
        assertThat(chain.verify().firstBrokenAt()).isEqualTo(4);
    }
}
