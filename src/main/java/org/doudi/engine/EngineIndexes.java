package org.doudi.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's tables that the engine does not create and Doudi needs at county scale (docs/scale.md,
 * section Engine – inboxes, jobs, indexes). Created after the engine is built: Doudi's Flyway migrations run before the
 * engine creates its tables on a fresh database, so they cannot index them. Each index is created when no index of
 * that name exists on its table, so the same start works on a fresh database, on an existing one, and on one where
 * an administrator created them by hand (docs/scale.md gives the statements).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    /** An index: on MySQL/MariaDB with {@code mysqlColumns}, on H2 with {@code h2Columns}. */
    record EngineIndex(String table, String name, String mysqlColumns, String h2Columns, String why) {

        String ddl(String database) {
            return "CREATE INDEX " + name + " ON " + table + " ("
                    + (DbSqlSessionFactory.H2.equals(database) ? h2Columns : mysqlColumns) + ")";
        }
    }

    static final List<EngineIndex> INDEXES = List.of(
            new EngineIndex("ACT_RU_TASK", "DOUDI_IDX_TASK_DUE_DATE", "DUE_DATE_", "DUE_DATE_",
                    "overdue lists and inboxes bounded or sorted by due date"),
            new EngineIndex("ACT_RU_JOB", "DOUDI_IDX_JOB_DUEDATE", "DUEDATE_", "DUEDATE_",
                    "job acquisition: due jobs by due date instead of a scan of every timer"),
            new EngineIndex("ACT_RU_VARIABLE", "DOUDI_IDX_VAR_NAME_TEXT", "NAME_, TEXT_(100)", "NAME_, TEXT_",
                    "tasks and instances by a variable's value"),
            new EngineIndex("ACT_RU_IDENTITYLINK", "DOUDI_IDX_IDENT_LNK_GROUP_TASK", "GROUP_ID_, TYPE_, TASK_ID_",
                    "GROUP_ID_, TYPE_, TASK_ID_", "inboxes: a group's candidate links read from the index alone"));

    private final DataSource dataSource;

    EngineIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        String database = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDatabaseType();
        if (!DbSqlSessionFactory.MYSQL.equals(database) && !DbSqlSessionFactory.H2.equals(database)) {
            log.warn("engine indexes: none created on {}: create them by hand (docs/scale.md)", database);
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            for (EngineIndex index : INDEXES) {
                if (!exists(c.getMetaData(), c.getCatalog(), index)) {
                    try (Statement s = c.createStatement()) {
                        s.execute(index.ddl(database));
                    }
                    log.info("engine indexes: {} created on {} ({})", index.name(), index.table(), index.why());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("engine indexes could not be created", e);
        }
    }

    /** An index of that name on the table (names as the database reports them: upper case on H2). */
    static boolean exists(DatabaseMetaData meta, String catalog, EngineIndex index) throws SQLException {
        for (String table : List.of(index.table(), index.table().toLowerCase())) {
            try (ResultSet rs = meta.getIndexInfo(catalog, null, table, false, true)) {
                while (rs.next()) {
                    if (index.name().equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
