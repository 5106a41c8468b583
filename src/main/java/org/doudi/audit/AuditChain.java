package org.doudi.audit;

import static java.time.temporal.ChronoUnit.SECONDS;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail in the database: appends entries, chains them, verifies and prunes the chain.
 * <p>
 * {@link #append} inserts an entry unchained, with the MAC of its content, in a short transaction of
 * its own; no shared row is touched, so concurrent requests do not queue behind each other.
 * {@link #chainPending} then takes the row lock of {@code audit_head} (one chainer at a time, across
 * all application nodes on the database), numbers the pending entries in insertion order and links
 * each to the one before it, up to {@code batchSize} per transaction, and signs the new head.
 * <p>
 * What verification detects: a column changed (the entry's MAC or chain MAC no longer matches), an
 * entry deleted (a gap, or the chain ends before the signed head), an entry inserted (its MAC cannot be
 * computed without the key; a copy of a genuine row is refused by the unique nonce), the head changed
 * (its MAC), and, on a node that saw the later head, a restored old head.
 */
final class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final Set<String> OUTCOMES = Set.of(AuditEvent.SUCCESS, AuditEvent.REFUSED, AuditEvent.FAILED);
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}(\\d{3}){0,2}");
    private static final int VERIFY_PAGE = 2000;
    private static final int PRUNE_BATCH = 1000;
    private static final int MAX_PROBLEMS = 100;
    private static final String HEAD = "select base_seq, base_hash, last_seq, last_hash, key_id, head_mac"
            + " from audit_head where id = 1";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final AuditMacs macs;
    private final Clock clock;
    private final int batchSize;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantLock chaining = new ReentrantLock();
    /** The furthest head this node has written or read: a head that later stands lower was restored. */
    private final AtomicLong furthestHead = new AtomicLong();
    private final AtomicLong lastRefusalLog = new AtomicLong();

    AuditChain(DataSource dataSource, PlatformTransactionManager transactions, AuditMacs macs, Clock clock,
            int batchSize) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.macs = macs;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    record Head(boolean present, long baseSeq, String baseHash, long lastSeq, String lastHash, String keyId,
            String mac) {
        static final Head MISSING = new Head(false, 0, null, 0, null, null, null);
    }

    record Problem(long seq, String reason) {
    }

    /**
     * The outcome of a verification.
     *
     * @param entries       chained entries in the table
     * @param firstBrokenAt the first chain position that fails: an entry changed or inserted there, or the
     *                      position of a missing entry; {@code null} when the chain holds
     * @param problems      the first {@value #MAX_PROBLEMS} positions that fail, with the reason
     */
    record Verification(long entries, boolean valid, Long firstBrokenAt, List<Problem> problems) {
    }

    // ---------------------------------------------------------------------------------------------- append

    /** Inserts the entry, unchained, in a transaction of its own (it survives the caller's rollback). */
    StoredEntry append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (event.action() == null || event.action().isBlank()) {
            throw new IllegalArgumentException("an audit event needs an action");
        }
        if (!OUTCOMES.contains(event.outcome())) {
            throw new IllegalArgumentException("an audit event's outcome is SUCCESS, REFUSED or FAILED, not "
                    + event.outcome());
        }
        String actor = event.actor() == null || event.actor().isBlank() ? "anonymous" : event.actor();
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        StoredEntry e = new StoredEntry(null, null, clock.instant().truncatedTo(SECONDS),
                AuditText.clean(actor, 64), AuditText.clean(event.action(), 200), AuditText.clean(event.target(), 200),
                AuditText.clean(event.caseNumber(), 40), county(event.regionCode()), event.outcome(),
                AuditText.clean(event.detail(), 500), AuditText.clean(event.clientAddress(), 45),
                HEX.formatHex(nonce), null, null, null);
        String entryMac = macs.entryMac(e);
        ownTransaction.executeWithoutResult(status -> jdbc.update("insert into audit_entry (at, actor, action,"
                + " target, case_number, region_code, outcome, detail, client_address, nonce, entry_mac)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", StoredEntry.toDatabase(e.at()), e.actor(), e.action(),
                e.target(), e.caseNumber(), e.regionCode(), e.outcome(), e.detail(), e.clientAddress(), e.nonce(),
                entryMac));
        return e;
    }

    /** The county of a division code: supervisors see the entries of their county. */
    private static String county(String regionCode) {
        return regionCode != null && REGION_CODE.matcher(regionCode).matches() ? regionCode.substring(0, 6) : null;
    }

    // ---------------------------------------------------------------------------------------------- chain

    /** Chains every pending entry; returns how many. Waits for another node's chainer, if one is at work. */
    int chainPending() {
        if (jdbc.queryForList("select id from audit_entry where seq is null limit 1", Long.class).isEmpty()) {
            return 0;
        }
        chaining.lock();
        try {
            int total = 0;
            int retries = 0;
            while (true) {
                Chained batch;
                try {
                    batch = ownTransaction.execute(status -> chainBatch());
                } catch (PendingEntryGone e) {
                    if (++retries > 3) {
                        throw e;
                    }
                    log.warn("a pending audit entry was deleted while it was chained; chaining again");
                    continue;
                }
                furthestHead.accumulateAndGet(batch.lastSeq(), Math::max);
                total += batch.count();
                if (batch.count() < batchSize) {
                    return total;
                }
            }
        } finally {
            chaining.unlock();
        }
    }

    private record Chained(int count, long lastSeq) {
    }

    /** Rolls the batch back: its positions would leave a gap. */
    private static final class PendingEntryGone extends IllegalStateException {
        PendingEntryGone() {
            super("a pending audit entry was deleted while it was chained");
        }
    }

    private Chained chainBatch() {
        Head head = head(true);
        Long maxSeq = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        String refusal = refusal(head, maxSeq);
        if (refusal != null) {
            // Extending a head nobody can vouch for would seal whatever was done to it; the entries wait.
            if (clock.millis() - lastRefusalLog.get() > 60_000) {
                lastRefusalLog.set(clock.millis());
                log.error("audit entries are recorded but not chained: {}", refusal);
            }
            return new Chained(0, 0);
        }
        List<StoredEntry> pending = jdbc.query("select " + StoredEntry.COLUMNS
                + " from audit_entry where seq is null order by id limit ?", StoredEntry.MAPPER, batchSize);
        if (pending.isEmpty()) {
            return new Chained(0, head.lastSeq());
        }
        long seq = head.lastSeq();
        String prev = head.lastHash();
        if (maxSeq != null && maxSeq > seq) {
            // Rows numbered beyond the head did not come from a chainer. Chaining after them keeps the
            // chain going; verification reports them.
            log.error("audit entries at positions {} to {} were not chained by Doudi (inserted in the database)",
                    seq + 1, maxSeq);
            seq = maxSeq;
            prev = jdbc.queryForObject("select hash from audit_entry where seq = ?", String.class, maxSeq);
        }
        List<Object[]> links = new ArrayList<>(pending.size());
        for (StoredEntry e : pending) {
            seq++;
            if (!macs.entryMac(e).equals(e.entryMac())) {
                log.error("audit entry {} does not match its MAC (changed or inserted in the database); chained at"
                        + " position {} so that verification reports it", e.id(), seq);
            }
            String hash = macs.chainMac(seq, prev, e.entryMac());
            links.add(new Object[] {seq, prev, hash, e.id()});
            prev = hash;
        }
        // By id alone: with "and seq is null" H2 and MySQL pick the index on seq and scan every pending row.
        int[] updated = jdbc.batchUpdate("update audit_entry set seq = ?, prev_hash = ?, hash = ? where id = ?",
                links);
        for (int n : updated) {
            if (n == 0) {
                throw new PendingEntryGone();
            }
        }
        writeHead(head.baseSeq(), head.baseHash(), seq, prev);
        return new Chained(pending.size(), seq);
    }

    private Head head(boolean lock) {
        List<Head> heads = jdbc.query(lock ? HEAD + " for update" : HEAD, (rs, n) -> new Head(true,
                rs.getLong("base_seq"), rs.getString("base_hash"), rs.getLong("last_seq"), rs.getString("last_hash"),
                rs.getString("key_id"), rs.getString("head_mac")));
        return heads.isEmpty() ? Head.MISSING : heads.get(0);
    }

    private void writeHead(long baseSeq, String baseHash, long lastSeq, String lastHash) {
        jdbc.update("update audit_head set base_seq = ?, base_hash = ?, last_seq = ?, last_hash = ?, key_id = ?,"
                + " head_mac = ? where id = 1", baseSeq, baseHash, lastSeq, lastHash, macs.keyId(),
                macs.headMac(baseSeq, baseHash, lastSeq, lastHash, macs.keyId()));
    }

    /** Why the head cannot be trusted, or {@code null}. */
    private String refusal(Head head, Long maxSeq) {
        if (!head.present()) {
            return "the head of the trail (audit_head) was deleted";
        }
        if (head.mac() == null) {
            boolean genesis = head.baseSeq() == 0 && head.lastSeq() == 0 && head.baseHash() == null
                    && head.lastHash() == null && maxSeq == null;
            return genesis ? null : "the head of the trail is not signed although the trail has entries";
        }
        if (!macs.keyId().equals(head.keyId())) {
            return "the trail was sealed with another key (key id " + head.keyId() + ", this node's is " + macs.keyId()
                    + "): configure the key it was sealed with (DOUDI_AUDIT_KEY)";
        }
        if (!macs.headMac(head.baseSeq(), head.baseHash(), head.lastSeq(), head.lastHash(), head.keyId())
                .equals(head.mac())) {
            return "the head of the trail (its first and last position and MAC) was changed in the database";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- verify

    /** Checks the whole chain, page by page; chains what is pending first, so that the answer is current. */
    Verification verify() {
        chainPending();
        for (int attempt = 0;; attempt++) {
            Optional<Verification> v = verifyOnce();
            if (v.isPresent()) {
                return v.get();
            }
            if (attempt == 3) {
                throw new IllegalStateException("the trail was pruned four times during its verification");
            }
        }
    }

    private Optional<Verification> verifyOnce() {
        Problems problems = new Problems();
        // Read before the head: heads only grow, so a head read afterwards that stands lower was put back.
        long furthest = furthestHead.get();
        Long maxSeq = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        Head head = head(false);
        headProblems(head, maxSeq, furthest, problems);
        Cursor cursor = new Cursor(head.baseSeq(), head.baseHash());
        long entries = scan(cursor, head.baseSeq(), head.lastSeq(), problems);
        // The end, under the head lock: no chainer or pruner moves the head while it is compared.
        return Optional.ofNullable(ownTransaction.execute(status -> {
            Head locked = head(true);
            if (locked.baseSeq() != head.baseSeq()) {
                return null;
            }
            long total = entries;
            if (!locked.equals(head)) {
                headProblems(locked, maxSeq, furthest, problems);
                total += scan(cursor, head.lastSeq(), locked.lastSeq(), problems);
            }
            if (cursor.seq < locked.lastSeq()) {
                problems.add(cursor.seq + 1, "the newest entries, positions " + (cursor.seq + 1) + " to "
                        + locked.lastSeq() + ", are missing");
            } else if (!Objects.equals(cursor.hash, locked.lastHash())) {
                problems.add(locked.lastSeq(), "the newest entry does not match the head of the trail");
            }
            Map<String, Object> beyond = jdbc.queryForMap("select min(seq) as first_seq, count(*) as n"
                    + " from audit_entry where seq > ?", locked.lastSeq());
            long beyondCount = ((Number) beyond.get("n")).longValue();
            if (beyondCount > 0) {
                problems.add(((Number) beyond.get("first_seq")).longValue(), beyondCount
                        + " entries after the head of the trail were not chained by Doudi");
            }
            Map<String, Object> before = jdbc.queryForMap("select min(seq) as first_seq, count(*) as n"
                    + " from audit_entry where seq <= ?", locked.baseSeq());
            long beforeCount = ((Number) before.get("n")).longValue();
            if (beforeCount > 0) {
                problems.add(((Number) before.get("first_seq")).longValue(), beforeCount
                        + " entries before the start of the trail were inserted in the database");
            }
            furthestHead.accumulateAndGet(locked.lastSeq(), Math::max);
            return new Verification(total + beyondCount + beforeCount, problems.none(), problems.first(),
                    problems.list());
        }));
    }

    private void headProblems(Head head, Long maxSeq, long furthest, Problems problems) {
        String refusal = refusal(head, maxSeq);
        if (refusal != null) {
            problems.add(head.lastSeq() + 1, refusal);
        }
        if (head.lastSeq() < furthest) {
            problems.add(head.lastSeq() + 1, "the head of the trail moved back from position " + furthest
                    + ": the newest entries were removed and an earlier head put back");
        }
    }

    private static final class Cursor {
        long seq;
        String hash;

        Cursor(long seq, String hash) {
            this.seq = seq;
            this.hash = hash;
        }
    }

    /** Checks the entries at positions after {@code fromExclusive} up to {@code toInclusive}; returns how many. */
    private long scan(Cursor cursor, long fromExclusive, long toInclusive, Problems problems) {
        long after = fromExclusive;
        long count = 0;
        while (after < toInclusive) {
            List<StoredEntry> page = jdbc.query("select " + StoredEntry.COLUMNS + " from audit_entry"
                    + " where seq > ? and seq <= ? order by seq limit ?", StoredEntry.MAPPER, after, toInclusive,
                    VERIFY_PAGE);
            for (StoredEntry e : page) {
                check(cursor, e, problems);
                after = e.seq();
            }
            count += page.size();
            if (page.size() < VERIFY_PAGE) {
                break;
            }
        }
        return count;
    }

    private void check(Cursor cursor, StoredEntry e, Problems problems) {
        long expected = cursor.seq + 1;
        boolean gap = e.seq() > expected;
        if (gap) {
            problems.add(expected, e.seq() == expected + 1 ? "the entry at position " + expected + " is missing"
                    : "the entries at positions " + expected + " to " + (e.seq() - 1) + " are missing");
        }
        if (!macs.entryMac(e).equals(e.entryMac())) {
            problems.add(e.seq(), "the entry was changed, or inserted, in the database");
        } else if (!gap && !Objects.equals(e.prevHash(), cursor.hash)) {
            problems.add(e.seq(), "the entry is not linked to the entry before it");
        } else if (!macs.chainMac(e.seq(), e.prevHash(), e.entryMac()).equals(e.hash())) {
            problems.add(e.seq(), "the entry's position or chain MAC was changed in the database");
        }
        // Go on from the entry as stored, so that each later entry is judged on its own link.
        cursor.seq = e.seq();
        cursor.hash = e.hash();
    }

    /** The lowest positions that fail, one reason each. */
    private static final class Problems {
        private final TreeMap<Long, String> bySeq = new TreeMap<>();

        void add(long seq, String reason) {
            bySeq.putIfAbsent(seq, reason);
            if (bySeq.size() > MAX_PROBLEMS) {
                bySeq.pollLastEntry();
            }
        }

        boolean none() {
            return bySeq.isEmpty();
        }

        Long first() {
            return bySeq.isEmpty() ? null : bySeq.firstKey();
        }

        List<Problem> list() {
            return bySeq.entrySet().stream().map(e -> new Problem(e.getKey(), e.getValue())).toList();
        }
    }

    // ---------------------------------------------------------------------------------------------- prune

    /**
     * Removes the oldest entries recorded before {@code now − retention}, from the start of the chain on,
     * and signs the new start (the position and MAC of the last entry removed) into the head, so that
     * what remains still verifies. Only a prefix that verifies is removed: pruning must not erase the
     * evidence of tampering. Returns how many entries were removed.
     */
    long prune(Duration retention) {
        Instant cutoff = clock.instant().minus(retention);
        chainPending();
        chaining.lock();
        try {
            long total = 0;
            while (true) {
                Long removed = ownTransaction.execute(status -> pruneBatch(cutoff));
                total += removed;
                if (removed < PRUNE_BATCH) {
                    return total;
                }
            }
        } finally {
            chaining.unlock();
        }
    }

    private long pruneBatch(Instant cutoff) {
        Head head = head(true);
        String refusal = refusal(head, jdbc.queryForObject("select max(seq) from audit_entry", Long.class));
        if (refusal != null) {
            log.error("old audit entries are not pruned: {}", refusal);
            return 0L;
        }
        List<StoredEntry> oldest = jdbc.query("select " + StoredEntry.COLUMNS + " from audit_entry"
                + " where seq > ? order by seq limit ?", StoredEntry.MAPPER, head.baseSeq(), PRUNE_BATCH);
        Cursor cursor = new Cursor(head.baseSeq(), head.baseHash());
        StoredEntry last = null;
        for (StoredEntry e : oldest) {
            if (!e.at().isBefore(cutoff) || e.seq() > head.lastSeq()) {
                break;
            }
            Problems problems = new Problems();
            check(cursor, e, problems);
            if (!problems.none()) {
                log.error("old audit entries from position {} on are not pruned: it does not verify, and pruning"
                        + " would erase the evidence", problems.first());
                break;
            }
            last = e;
        }
        if (last == null) {
            return 0L;
        }
        int removed = jdbc.update("delete from audit_entry where seq > ? and seq <= ?", head.baseSeq(), last.seq());
        writeHead(last.seq(), last.hash(), head.lastSeq(), head.lastHash());
        log.info("pruned {} audit entries up to position {} (recorded before {})", removed, last.seq(), cutoff);
        return (long) removed;
    }
}
