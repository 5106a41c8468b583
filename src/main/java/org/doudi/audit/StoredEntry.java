package org.doudi.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.RowMapper;

/** A row of {@code audit_entry}; {@code seq}, {@code prevHash} and {@code hash} are null until it is chained. */
record StoredEntry(Long id, Long seq, Instant at, String actor, String action, String target, String caseNumber,
        String regionCode, String outcome, String detail, String clientAddress, String nonce, String entryMac,
        String prevHash, String hash) {

    static final String COLUMNS = "id, seq, at, actor, action, target, case_number, region_code, outcome, detail,"
            + " client_address, nonce, entry_mac, prev_hash, hash";

    static final RowMapper<StoredEntry> MAPPER = StoredEntry::read;

    private static StoredEntry read(ResultSet rs, int row) throws SQLException {
        long seq = rs.getLong("seq");
        Long seqOrNull = rs.wasNull() ? null : seq;
        return new StoredEntry(rs.getLong("id"), seqOrNull, fromDatabase(rs.getObject("at", LocalDateTime.class)),
                rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("case_number"),
                rs.getString("region_code"), rs.getString("outcome"), rs.getString("detail"),
                rs.getString("client_address"), rs.getString("nonce"), rs.getString("entry_mac"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    /** UTC wall time without a zone, so that neither driver shifts it by the JVM's or the server's zone. */
    static LocalDateTime toDatabase(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant fromDatabase(LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
}
