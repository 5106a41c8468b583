package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.doudi.engine.EngineIndexes.EngineIndex;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The indexes Doudi adds to the engine's tables exist once the application has started (H2 and MySQL). */
@IntegrationTest
class EngineIndexesTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngine engine;

    @Test
    void theEngineTablesCarryDoudisIndexes() throws SQLException {
        assertThat(EngineIndexes.INDEXES).extracting(EngineIndex::name).contains("DOUDI_IDX_TASK_DUE_DATE",
                "DOUDI_IDX_JOB_DUEDATE", "DOUDI_IDX_VAR_NAME_TEXT", "DOUDI_IDX_IDENT_LNK_GROUP_TASK");
        try (Connection c = dataSource.getConnection()) {
            for (EngineIndex index : EngineIndexes.INDEXES) {
                assertThat(EngineIndexes.exists(c.getMetaData(), c.getCatalog(), index)).as(index.name()).isTrue();
            }
        }
    }

    @Test
    void aSecondStartCreatesNothingTwice() throws SQLException {
        new EngineIndexes(dataSource).postProcessEngineBuild(engine); // would fail on an existing index name
        try (Connection c = dataSource.getConnection()) {
            assertThat(EngineIndexes.exists(c.getMetaData(), c.getCatalog(), EngineIndexes.INDEXES.get(0))).isTrue();
        }
    }
}
