package org.doudi.search;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseEvents;
import org.doudi.cases.CaseRepository;
import org.doudi.household.HouseholdMember;
import org.doudi.household.ResidentId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the search read model ({@code case_search_entry}, {@code case_search_person}) in the transaction of
 * the change: the intake adds a case's rows ({@link CaseEvents.Submitted}), every status change updates its
 * entry ({@link CaseStatusSync}), and {@link SearchBackfill} adds the rows of cases that existed before.
 * Plain JDBC on the transaction's own connection (JPA's transaction manager shares it).
 */
@Component
class CaseSearchIndex {

    /** What the index holds of a case; {@code persons} in household order, the applicant first. */
    record Entry(long caseId, String caseNumber, String programme, String status, String countyCode,
            String townshipCode, String villageCode, String applicantName, String applicantIdNumber,
            Instant submittedAt, List<Person> persons) {
    }

    record Person(int position, String name, String idNumber) {
    }

    private final JdbcTemplate jdbc;
    private final SearchKey key;
    private final CaseRepository cases;

    CaseSearchIndex(JdbcTemplate jdbc, SearchKey key, CaseRepository cases) {
        this.jdbc = jdbc;
        this.key = key;
        this.cases = cases;
    }

    /** A new case is searchable as soon as its intake commits, and not before. */
    @EventListener
    void onSubmitted(CaseEvents.Submitted submitted) {
        AssistanceCase c = cases.findWithHouseholdByCaseNumber(submitted.caseNumber())
                .orElseThrow(() -> new IllegalStateException("no case " + submitted.caseNumber()));
        List<Person> persons = new ArrayList<>();
        List<HouseholdMember> members = c.household().members();
        for (int i = 0; i < members.size(); i++) {
            persons.add(new Person(i, members.get(i).name(), members.get(i).idNumber()));
        }
        write(List.of(new Entry(c.id(), c.caseNumber(), c.programme().name(), c.status().name(), c.countyCode(),
                c.townshipCode(), c.villageCode(), c.applicantName(), c.applicantIdNumber(), c.submittedAt(),
                persons)));
    }

    /** The case's status changed: its entry follows (nothing to do while it has none yet). */
    void statusChanged(long caseId, String status) {
        jdbc.update("update case_search_entry set status = ? where case_id = ? and status <> ?", status, caseId,
                status);
    }

    /** Adds the rows of cases that have none (two statements per batch, whatever its size). */
    void write(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String keyId = key.keyId();
        jdbc.batchUpdate("insert into case_search_entry (case_id, case_number, programme, status, county_code,"
                + " township_code, village_code, applicant_name, applicant_id_masked, submitted_at, key_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries, entries.size(), (ps, e) -> {
                    ps.setLong(1, e.caseId());
                    ps.setString(2, e.caseNumber());
                    ps.setString(3, e.programme());
                    ps.setString(4, e.status());
                    ps.setString(5, e.countyCode());
                    ps.setString(6, e.townshipCode());
                    ps.setString(7, e.villageCode());
                    ps.setString(8, e.applicantName());
                    ps.setString(9, ResidentId.mask(e.applicantIdNumber()));
                    // UTC wall time, as Hibernate writes the case's own times (hibernate.jdbc.time_zone: UTC)
                    ps.setObject(10, LocalDateTime.ofInstant(e.submittedAt(), ZoneOffset.UTC));
                    ps.setString(11, keyId);
                });
        List<Object[]> persons = new ArrayList<>();
        for (Entry e : entries) {
            // The same ID twice in one household would only find the case twice: one row per ID.
            Set<String> seen = new HashSet<>();
            for (Person p : e.persons()) {
                String hmac = key.hash(p.idNumber());
                if (seen.add(hmac)) {
                    persons.add(new Object[] {e.caseId(), p.position(), p.name(), hmac, e.countyCode(),
                            e.townshipCode()});
                }
            }
        }
        jdbc.batchUpdate("insert into case_search_person (case_id, position, name, id_hmac, county_code,"
                + " township_code) values (?, ?, ?, ?, ?, ?)", persons);
    }

    /** Removes the rows of cases (to index them again, under a new key). */
    void remove(List<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return;
        }
        String in = String.join(", ", caseIds.stream().map(id -> "?").toList());
        Object[] args = caseIds.toArray();
        jdbc.update("delete from case_search_person where case_id in (" + in + ")", args);
        jdbc.update("delete from case_search_entry where case_id in (" + in + ")", args);
    }
}
