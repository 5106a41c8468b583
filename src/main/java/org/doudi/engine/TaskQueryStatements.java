package org.doudi.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task queries (Tasklist's inboxes and filter counts, {@code /engine-rest/task}, our own {@code TaskService} queries)
 * with the authorization check written as {@code EXISTS} instead of the engine's join on a derived table of the
 * user's authorizations, which MySQL/MariaDB can only answer by scanning that table for every task: at 250 000 open
 * tasks a county reviewer's inbox took more than a minute (docs/scale.md).
 * <p>
 * Installed with the engine's own mechanism for database-specific statements: our mapper
 * ({@value #MAPPER}) is parsed into the engine's MyBatis configuration and the engine's statement names are mapped
 * to ours. The statement is the engine's, copied, with only the authorization part changed; with revoke checks in
 * force it is the engine's unchanged. {@code TaskQueryEquivalenceTest} compares both on the same data for many users.
 * <p>
 * The variable instance query ({@value #VARIABLE_MAPPER}) gets the same treatment: Tasklist's list request reads
 * the filter's display variables of the page's tasks with it, and its stock join of the user's authorizations made
 * that one small read cost as much as the task query (docs/scale.md, "Tasklist's list request after the task
 * query"). {@code VariableQueryEquivalenceTest} compares it with the engine's.
 */
@Component
class TaskQueryStatements extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TaskQueryStatements.class);

    static final String MAPPER = "org/doudi/engine/TaskQueries.xml";
    static final String NAMESPACE = "org.doudi.engine.TaskQueries.";
    static final String VARIABLE_MAPPER = "org/doudi/engine/VariableInstanceQueries.xml";
    static final String VARIABLE_NAMESPACE = "org.doudi.engine.VariableInstanceQueries.";

    /** Engine statement → ours. */
    static final Map<String, String> STATEMENTS = Map.of(
            "selectTaskByQueryCriteria", NAMESPACE + "selectTaskByQueryCriteriaWithExistsCheck",
            "selectTaskCountByQueryCriteria", NAMESPACE + "selectTaskCountByQueryCriteriaWithExistsCheck",
            "selectVariableInstanceByQueryCriteria",
            VARIABLE_NAMESPACE + "selectVariableInstanceByQueryCriteriaWithExistsCheck",
            "selectVariableInstanceCountByQueryCriteria",
            VARIABLE_NAMESPACE + "selectVariableInstanceCountByQueryCriteriaWithExistsCheck");

    /** Databases the rewrite is measured and tested on (MariaDB is detected as mysql). */
    static final Set<String> DATABASES = Set.of(DbSqlSessionFactory.MYSQL, DbSqlSessionFactory.H2);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        String database = configuration.getDatabaseType();
        if (!DATABASES.contains(database)) {
            log.info("task and variable queries: the engine's own statements on {}", database);
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        // The variable mapper includes a fragment of the task mapper: that one first.
        parseOnce(mybatis, MAPPER, STATEMENTS.get("selectTaskByQueryCriteria"));
        parseOnce(mybatis, VARIABLE_MAPPER, STATEMENTS.get("selectVariableInstanceByQueryCriteria"));
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        Map<String, String> mappings = new HashMap<>();
        if (sessions.getStatementMappings() != null) {
            mappings.putAll(sessions.getStatementMappings()); // a copy: the engine's map is shared by all engines
        }
        mappings.putAll(STATEMENTS);
        sessions.setStatementMappings(mappings);
        log.info("task and variable queries: authorization check as EXISTS on {}", database);
    }

    /** Parses a mapper of ours into the engine's MyBatis configuration unless that statement is there already. */
    static void parseOnce(Configuration mybatis, String mapper, String statement) {
        synchronized (mybatis) { // a shared SqlSessionFactory (several engines in one JVM) gets it once
            if (mybatis.hasStatement(statement, false)) {
                return;
            }
            try (InputStream in = TaskQueryStatements.class.getClassLoader().getResourceAsStream(mapper)) {
                if (in == null) {
                    throw new IllegalStateException(mapper + " missing from the classpath");
                }
                new XMLMapperBuilder(in, mybatis, mapper, mybatis.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + mapper, e);
            }
        }
    }
}
