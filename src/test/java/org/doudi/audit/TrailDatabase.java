package org.doudi.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A database of its own for tests that tamper with the trail (in-memory H2, or with {@code -Pmysql} the
 * MySQL database of the run with the suffix {@code _trail}), migrated from scratch, so that a forged
 * entry never reaches the application's trail.
 */
final class TrailDatabase implements AutoCloseable {

    static final byte[] KEY = "trail-test-key-0123456789abcdef".getBytes();

    final HikariDataSource dataSource;
    final JdbcTemplate jdbc;
    final DataSourceTransactionManager transactions;
    /** The time the chains built here read; tests move it. */
    static final Instant START = Instant.parse("2026-03-02T01:30:00Z");
    final AtomicReference<Instant> now = new AtomicReference<>(START);

    TrailDatabase() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url());
        String profiles = System.getProperty("spring.profiles.active", "test");
        if (profiles.contains("mysql")) {
            dataSource.setUsername(System.getenv().getOrDefault("DB_USER", "root"));
            dataSource.setPassword(System.getenv().getOrDefault("DB_PASSWORD", ""));
        } else {
            dataSource.setUsername("sa");
        }
        dataSource.setMaximumPoolSize(12);
        dataSource.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    static String url() {
        String profiles = System.getProperty("spring.profiles.active", "test");
        if (!profiles.contains("mysql")) {
            return "jdbc:h2:mem:doudi-audit-trail;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
        }
        String url = System.getenv().getOrDefault("DB_URL", "jdbc:mysql://127.0.0.1:3306/doudi_test"
                + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&createDatabaseIfNotExist=true");
        String withDatabase = url.replaceFirst("(jdbc:mysql://[^/]+/)([^?]+)", "$1$2_trail");
        return withDatabase.contains("createDatabaseIfNotExist") ? withDatabase
                : withDatabase + (withDatabase.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
    }

    Clock clock() {
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    /** A chain on this database, as one application node would have it. */
    AuditChain chain() {
        return chain(KEY, 500);
    }

    AuditChain chain(byte[] key, int batchSize) {
        return new AuditChain(dataSource, transactions, new AuditMacs(key), clock(), batchSize);
    }

    void empty() {
        jdbc.update("delete from audit_entry");
        jdbc.update("update audit_head set base_seq = 0, base_hash = null, last_seq = 0, last_hash = null,"
                + " key_id = null, head_mac = null where id = 1");
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
