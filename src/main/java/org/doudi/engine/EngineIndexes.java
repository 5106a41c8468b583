package org.doudi.engine;

import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's tables that the engine does not create and Doudi's queries need at county scale
 * (docs/scale.md): due dates of tasks and jobs, variable values. They are Flyway migrations of their own
 * ({@code db/engine/<database>}, history in {@value #HISTORY_TABLE}), run after the engine is built: Doudi's
 * migrations (spring.flyway) run before the engine creates its tables on a fresh database, so they cannot
 * index them; here the tables exist, on a fresh database as on an existing one, and each index is created once.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    static final String HISTORY_TABLE = "doudi_engine_schema_history";

    /** Engine database type → the folder of its migrations. */
    static final Map<String, String> LOCATIONS = Map.of(
            DbSqlSessionFactory.MYSQL, "classpath:db/engine/mysql",
            DbSqlSessionFactory.H2, "classpath:db/engine/h2");

    private final DataSource dataSource;

    EngineIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        String database = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDatabaseType();
        String location = LOCATIONS.get(database);
        if (location == null) {
            log.warn("no engine indexes for database {}: create them by hand (docs/scale.md)", database);
            return;
        }
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations(location)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true) // the schema already holds Doudi's and the engine's tables
                .baselineVersion("0")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("engine indexes: {} migration(s) applied, now at version {}", result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }
}
