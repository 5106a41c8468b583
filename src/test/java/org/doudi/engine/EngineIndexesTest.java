package org.doudi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The indexes of db/engine exist on the engine's tables once the application has started (H2 and MySQL). */
@IntegrationTest
class EngineIndexesTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theEngineTablesCarryDoudisIndexes() throws SQLException {
        assertThat(indexesOf("ACT_RU_TASK")).contains("DOUDI_IDX_TASK_DUE_DATE");
        assertThat(indexesOf("ACT_RU_JOB")).contains("DOUDI_IDX_JOB_DUEDATE");
        assertThat(indexesOf("ACT_RU_VARIABLE")).contains("DOUDI_IDX_VAR_NAME_TEXT");
        assertThat(indexesOf("ACT_RU_IDENTITYLINK")).contains("DOUDI_IDX_IDENT_LNK_GROUP_TASK");
    }

    @Test
    void eachIndexMigrationRanOnce() {
        Integer applied = new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from " + EngineIndexes.HISTORY_TABLE + " where \"success\" = true and \"version\" = '1'"
                        .replace("\"", quote()),
                Integer.class);
        assertThat(applied).isEqualTo(1);
    }

    private String quote() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getIdentifierQuoteString().trim();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> indexesOf(String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String t : Set.of(table, table.toLowerCase())) {
                try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), null, t, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            names.add(rs.getString("INDEX_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        return names;
    }
}
