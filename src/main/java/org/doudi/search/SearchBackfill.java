package org.doudi.search;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes, at start-up, the cases that have no search rows (they existed before the search, or came in by
 * SQL) and those indexed under another key: set-based, {@value #BATCH} cases and four statements per batch,
 * each batch its own transaction. Idempotent: a case indexed already is skipped; two nodes starting at once
 * may both try a batch, the database keeps one (the other's batch fails on the primary key and moves on).
 */
@Component
class SearchBackfill {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CaseSearchIndex index;
    private final SearchKey key;

    SearchBackfill(JdbcTemplate jdbc, TransactionTemplate tx, CaseSearchIndex index, SearchKey key) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.index = index;
        this.key = key;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        int indexed = run();
        if (indexed > 0) {
            log.info("case search: indexed {} cases that had no entry or one under another key", indexed);
        }
    }

    /** Indexes every case that needs it; returns how many it indexed. */
    int run() {
        int indexed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = jdbc.queryForList("select c.id from assistance_case c"
                    + " left join case_search_entry e on e.case_id = c.id"
                    + " where c.id > ? and c.case_number is not null and (e.case_id is null or e.key_id <> ?)"
                    + " order by c.id limit " + BATCH, Long.class, from, key.keyId());
            if (ids.isEmpty()) {
                return indexed;
            }
            after = ids.get(ids.size() - 1);
            try {
                Integer done = tx.execute(status -> indexBatch(ids));
                indexed += done == null ? 0 : done;
            } catch (DataIntegrityViolationException anotherNode) {
                log.info("case search: another node indexed cases {} to {} meanwhile", ids.get(0), after);
            }
            if (ids.size() < BATCH) {
                return indexed;
            }
        }
    }

    private int indexBatch(List<Long> ids) {
        String in = String.join(", ", ids.stream().map(id -> "?").toList());
        Object[] args = ids.toArray();
        // Locked until this batch commits: a status change meanwhile waits and then updates the new row,
        // or went first and is what this batch reads.
        Map<Long, CaseSearchIndex.Entry> entries = new LinkedHashMap<>();
        Map<Long, List<Long>> casesOfHousehold = new LinkedHashMap<>();
        jdbc.query("select id, case_number, programme, status, county_code, township_code, village_code,"
                + " applicant_name, applicant_id_number, submitted_at, household_id from assistance_case"
                + " where id in (" + in + ") for update", rs -> {
                    long id = rs.getLong("id");
                    entries.put(id, new CaseSearchIndex.Entry(id, rs.getString("case_number"),
                            rs.getString("programme"), rs.getString("status"), rs.getString("county_code"),
                            rs.getString("township_code"), rs.getString("village_code"),
                            rs.getString("applicant_name"), rs.getString("applicant_id_number"),
                            rs.getObject("submitted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            new ArrayList<>()));
                    casesOfHousehold.computeIfAbsent(rs.getLong("household_id"), h -> new ArrayList<>()).add(id);
                }, args);
        if (entries.isEmpty()) {
            return 0;
        }
        String households = String.join(", ", casesOfHousehold.keySet().stream().map(id -> "?").toList());
        jdbc.query("select household_id, position, name, id_number from household_member where household_id in ("
                + households + ") order by household_id, position", rs -> {
                    CaseSearchIndex.Person p = new CaseSearchIndex.Person(rs.getInt("position"), rs.getString("name"),
                            rs.getString("id_number"));
                    casesOfHousehold.get(rs.getLong("household_id")).forEach(id -> entries.get(id).persons().add(p));
                }, casesOfHousehold.keySet().toArray());
        index.remove(List.copyOf(entries.keySet()));
        index.write(List.copyOf(entries.values()));
        return entries.size();
    }
}
