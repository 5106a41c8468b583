package org.doudi.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.doudi.security.ThrottleState.Kind;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The rows of {@code login_throttle}, written in transactions of their own on a small pool of their own.
 * <p>
 * Why not the application's pool: a password is checked inside an engine command, which holds one of the
 * application's connections until it ends. Were the counter written on a second connection of the same pool
 * (it must be written in its own transaction, so that it stays even when the command rolls back), twenty
 * wrong passwords at once would hold all ten connections and each wait for an eleventh: nothing moves until
 * the pool's timeout. A connection of this pool is held for one short transaction and never waits for
 * anything but another of them.
 * <p>
 * Why no deadlock on MySQL: every transaction locks one row ({@code select … for update}, then an update);
 * two transactions that both find no row race to insert it, the loser gets a duplicate key, rolls back at
 * once (releasing the shared lock the failed insert took) and starts over, finding the row.
 */
@Component
class LoginThrottleStore implements DisposableBean {

    private static final String COLUMNS = "kind, subject, failures, lock_level, window_start, last_failure, locked_until";
    private static final int ATTEMPTS = 5;

    private final HikariDataSource pool;

    LoginThrottleStore(DataSourceProperties dataSource, LoginProperties properties) {
        HikariDataSource p = new HikariDataSource();
        p.setPoolName("doudi-login");
        p.setJdbcUrl(dataSource.determineUrl());
        p.setUsername(dataSource.determineUsername());
        p.setPassword(dataSource.determinePassword());
        String driver = dataSource.determineDriverClassName();
        if (driver != null) {
            p.setDriverClassName(driver);
        }
        p.setMaximumPoolSize(properties.poolSize());
        p.setMinimumIdle(1);
        p.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        this.pool = p;
    }

    /** A change of one row: what was there ({@code null}: no row) and what is there now. */
    record Change(ThrottleState before, ThrottleState after) {
    }

    /** The rows of a user and an address (either may be {@code null}), as they are now. */
    List<ThrottleState> find(String userId, String address) {
        List<ThrottleState> found = new ArrayList<>();
        if (userId == null && address == null) {
            return found;
        }
        String sql = "select " + COLUMNS + " from login_throttle where (kind = ? and subject = ?) or (kind = ? and subject = ?)";
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, Kind.USER.name());
            s.setString(2, userId == null ? "" : userId);
            s.setString(3, Kind.ADDRESS.name());
            s.setString(4, address == null ? "" : address);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Reads the row under a lock, applies the change and writes the result, in one transaction. */
    Change update(Kind kind, String subject, UnaryOperator<ThrottleState> change) {
        for (int attempt = 1;; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    ThrottleState before = selectForUpdate(c, kind, subject);
                    ThrottleState after = change.apply(before);
                    if (before == null) {
                        insert(c, after);
                    } else if (!after.equals(before)) {
                        update(c, after);
                    }
                    c.commit();
                    return new Change(before, after);
                } catch (SQLException e) {
                    c.rollback();
                    if (attempt < ATTEMPTS && retryable(e)) {
                        continue;
                    }
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw failure("update", e);
            }
        }
    }

    boolean delete(Kind kind, String subject) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("delete from login_throttle where kind = ? and subject = ?")) {
            s.setString(1, kind.name());
            s.setString(2, subject);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("delete", e);
        }
    }

    /** The rows locked at {@code now}, the longest-locked first. */
    List<ThrottleState> lockedAt(Instant now) {
        String sql = "select " + COLUMNS + " from login_throttle where locked_until > ? order by locked_until desc, kind, subject";
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, now.toEpochMilli());
            List<ThrottleState> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Removes the rows whose last failure and lock both ended before {@code cutoff}. */
    int deleteQuietSince(Instant cutoff) {
        String sql = "delete from login_throttle where (locked_until is null or locked_until < ?)"
                + " and (last_failure is null or last_failure < ?)";
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, cutoff.toEpochMilli());
            s.setLong(2, cutoff.toEpochMilli());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete", e);
        }
    }

    private static ThrottleState selectForUpdate(Connection c, Kind kind, String subject) throws SQLException {
        String sql = "select " + COLUMNS + " from login_throttle where kind = ? and subject = ? for update";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, kind.name());
            s.setString(2, subject);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    private static void insert(Connection c, ThrottleState row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into login_throttle (" + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, row.kind().name());
            s.setString(2, row.subject());
            s.setInt(3, row.failures());
            s.setInt(4, row.lockLevel());
            setInstant(s, 5, row.windowStart());
            setInstant(s, 6, row.lastFailure());
            setInstant(s, 7, row.lockedUntil());
            s.executeUpdate();
        }
    }

    private static void update(Connection c, ThrottleState row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update login_throttle set failures = ?, lock_level = ?,"
                + " window_start = ?, last_failure = ?, locked_until = ? where kind = ? and subject = ?")) {
            s.setInt(1, row.failures());
            s.setInt(2, row.lockLevel());
            setInstant(s, 3, row.windowStart());
            setInstant(s, 4, row.lastFailure());
            setInstant(s, 5, row.lockedUntil());
            s.setString(6, row.kind().name());
            s.setString(7, row.subject());
            s.executeUpdate();
        }
    }

    private static ThrottleState read(ResultSet rs) throws SQLException {
        return new ThrottleState(Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getInt("failures"),
                rs.getInt("lock_level"), instant(rs, "window_start"), instant(rs, "last_failure"),
                instant(rs, "locked_until"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value.toEpochMilli());
        }
    }

    /** A lost race for a new row (duplicate key), or a deadlock or serialization failure the database broke. */
    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLIntegrityConstraintViolationException
                || state != null && (state.startsWith("23") || state.equals("40001"));
    }

    private static DataAccessResourceFailureException failure(String what, SQLException e) {
        return new DataAccessResourceFailureException("login throttle: " + what + " failed", e);
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
