package org.doudi.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Pages of the trail, newest first, with one count and one page query. */
@Component
class AuditQueries {

    private final JdbcTemplate jdbc;
    private final AuditChain chain;

    AuditQueries(JdbcTemplate jdbc, AuditChain chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    /**
     * @param counties {@code null} for every entry, else only entries of these counties
     * @param toExclusive entries recorded before this moment
     */
    record Filter(String caseNumber, String actor, Instant from, Instant toExclusive, List<String> counties) {
    }

    record Item(Long seq, Instant at, String actor, String action, String target, String caseNumber,
            String regionCode, String outcome, String detail, String clientAddress) {
    }

    record Page(List<Item> items, int page, int size, long total) {
    }

    Page search(Filter filter, int page, int size) {
        // Entries still pending get their position first, so that every item carries its seq.
        chain.chainPending();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.caseNumber() != null) {
            where.append(" and case_number = ?");
            args.add(filter.caseNumber());
        }
        if (filter.actor() != null) {
            where.append(" and actor = ?");
            args.add(filter.actor());
        }
        if (filter.from() != null) {
            where.append(" and at >= ?");
            args.add(StoredEntry.toDatabase(filter.from()));
        }
        if (filter.toExclusive() != null) {
            where.append(" and at < ?");
            args.add(StoredEntry.toDatabase(filter.toExclusive()));
        }
        if (filter.counties() != null) {
            if (filter.counties().isEmpty()) {
                return new Page(List.of(), page, size, 0);
            }
            where.append(" and region_code in (").append(String.join(", ",
                    filter.counties().stream().map(c -> "?").toList())).append(")");
            args.addAll(filter.counties());
        }
        long total = jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Item> items = jdbc.query("select " + StoredEntry.COLUMNS + " from audit_entry" + where
                + " order by id desc limit ? offset ?", StoredEntry.MAPPER, pageArgs.toArray()).stream()
                .map(e -> new Item(e.seq(), e.at(), e.actor(), e.action(), e.target(), e.caseNumber(), e.regionCode(),
                        e.outcome(), e.detail(), e.clientAddress()))
                .toList();
        return new Page(items, page, size, total);
    }
}
