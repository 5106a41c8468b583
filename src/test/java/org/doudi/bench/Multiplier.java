package org.doudi.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Multiplies the seed (every open case in the database, all in village {@value Seeder#VILLAGE}) in SQL, set-based:
 * copy {@code k} of every runtime row of the engine and of Doudi gets new ids (engine ids: the seed's id with
 * {@code -k} appended; Doudi's numeric ids: {@code id + k·M}), a township of its own (case, open task, candidate
 * groups, authorizations, variables), a new case number (from its new id, as the application numbers cases),
 * new resident ID numbers (unique, checksum not kept) and new names. 200 townships in 40 counties, created with
 * their groups and authorizations; about 1 % of the copies in township 130102100, 5 % in county 130102.
 */
final class Multiplier {

    private static final Logger log = LoggerFactory.getLogger(Multiplier.class);

    /** Doudi ids of copy k: id + k·M. The seed's ids are far below. */
    static final long M = 1_000_000L;
    static final int COUNTIES = 40;
    static final int TOWNSHIPS_PER_COUNTY = 5;
    /** Copies per statement. */
    private static final int BATCH = 100;

    private static final String SEED_VILLAGE = Seeder.VILLAGE;
    private static final String SEED_TOWNSHIP = SEED_VILLAGE.substring(0, 9);
    private static final String SEED_COUNTY = SEED_VILLAGE.substring(0, 6);
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建文辉力志国成林春梅海云飞波宁";

    /** Engine tables copied, in order, with the filter that picks the seed's rows. */
    private static final Map<String, String> ENGINE = new java.util.LinkedHashMap<>();
    static {
        ENGINE.put("ACT_RU_EXECUTION", "1=1");
        ENGINE.put("ACT_RU_TASK", "1=1");
        ENGINE.put("ACT_RU_IDENTITYLINK", "r.TASK_ID_ is not null");
        ENGINE.put("ACT_RU_AUTHORIZATION",
                "r.RESOURCE_TYPE_ = 7 and r.RESOURCE_ID_ in (select ID_ from ACT_RU_TASK where length(ID_) = 36)");
        ENGINE.put("ACT_GE_BYTEARRAY", "r.ID_ in (select BYTEARRAY_ID_ from ACT_RU_VARIABLE where length(ID_) = 36)");
        ENGINE.put("ACT_RU_VARIABLE", "1=1");
        ENGINE.put("ACT_RU_JOB", "r.PROCESS_INSTANCE_ID_ is not null");
        ENGINE.put("ACT_RU_EVENT_SUBSCR", "1=1");
    }
    private static final List<String> ENGINE_IDS = List.of("ID_", "EXECUTION_ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_",
            "PARENT_ID_", "SUPER_EXEC_", "PROCESS_INSTANCE_ID_", "TASK_ID_", "VAR_SCOPE_", "BYTEARRAY_ID_",
            "PARENT_TASK_ID_", "ACT_INST_ID_", "EXCEPTION_STACK_ID_", "RESOURCE_ID_");

    /** Doudi's tables copied (all those of a case; not the fund ledger, whose balances they would break). */
    private static final List<String> DOUDI_FIRST = List.of("household", "household_member", "assistance_case");
    private static final List<String> DOUDI_EXCLUDED = List.of("fund_entry", "audit_entry");

    private final JdbcTemplate jdbc;

    Multiplier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The regions of the benchmark, with groups and authorizations like the demo's; index 0 is the seed's. */
    List<String> createRegions() {
        List<String> townships = new ArrayList<>();
        List<String> counties = new ArrayList<>();
        for (int c = 0; c < COUNTIES; c++) {
            String county = c == 0 ? "130102" : c == 1 ? "130104" : "1390%02d".formatted(c);
            counties.add(county);
            for (int t = 0; t < TOWNSHIPS_PER_COUNTY; t++) {
                townships.add(c == 0 ? "130102%03d".formatted(100 + t)
                        : c == 1 ? "130104%03d".formatted(200 + t) : county + "%03d".formatted(100 + t));
            }
        }
        jdbc.execute("create table bench_township (idx int primary key, township varchar(9) not null, county varchar(6) not null, village varchar(12) not null)");
        for (int i = 0; i < townships.size(); i++) {
            String t = townships.get(i);
            jdbc.update("insert into bench_township values (?, ?, ?, ?)", i, t, t.substring(0, 6), t + "201");
        }
        jdbc.update("""
                insert into region (code, name, level, parent_code)
                select distinct county, concat('县', county), 'COUNTY', null from bench_township
                where county not in (select code from region)""");
        jdbc.update("""
                insert into region (code, name, level, parent_code)
                select township, concat('镇', township), 'TOWNSHIP', county from bench_township
                where township not in (select code from region)""");
        jdbc.update("""
                insert into region (code, name, level, parent_code)
                select village, concat('村', village), 'VILLAGE', township from bench_township
                where village not in (select code from region)""");
        List<String> policyColumns = columns("county_policy");
        jdbc.update("insert into county_policy (" + String.join(", ", policyColumns) + ") select "
                + String.join(", ", policyColumns.stream().map(c -> c.equals("county_code") ? "n.county" : "p." + c).toList())
                + " from county_policy p join (select distinct county from bench_township) n"
                + " where p.county_code = '130102' and n.county not in (select county_code from county_policy)");
        // Groups and their authorizations (Tasklist, filters, process definitions), cloned from township A2 / county B.
        cloneGroups("130102101", "select township as code from bench_township where township not in ('130102100', '130102101', '130104200')");
        cloneGroups("130102101201", "select village as code from bench_township where village not in ('130102100201', '130102101201', '130104200201')");
        cloneGroups("130104", "select distinct county as code from bench_township where county not in ('130102', '130104')");
        return townships;
    }

    private void cloneGroups(String template, String codes) {
        jdbc.update("insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_) select replace(g.ID_, '" + template
                + "', n.code), 1, concat(n.code, ' ', substring_index(g.NAME_, ' ', -1)), g.TYPE_ from ACT_ID_GROUP g join ("
                + codes + ") n where g.ID_ like '%-" + template + "'");
        List<String> cols = columns("ACT_RU_AUTHORIZATION");
        String select = String.join(", ", cols.stream().map(c -> switch (c) {
            case "ID_" -> "concat(a.ID_, '-', n.code)";
            case "GROUP_ID_" -> "replace(a.GROUP_ID_, '" + template + "', n.code)";
            case "RESOURCE_ID_" -> "replace(a.RESOURCE_ID_, '" + template + "', n.code)";
            default -> "a." + c;
        }).toList());
        jdbc.update("insert into ACT_RU_AUTHORIZATION (" + String.join(", ", cols) + ") select " + select
                + " from ACT_RU_AUTHORIZATION a join (" + codes + ") n where a.GROUP_ID_ like '%-" + template
                + "' and a.RESOURCE_TYPE_ <> 7");
    }

    /** Copies 1 … copies of the seed; returns the number of open tasks afterwards. */
    long multiply(int copies) {
        jdbc.execute("create table bench_copy (k int primary key, sfx varchar(8) not null, township varchar(9) not null, county varchar(6) not null, village varchar(12) not null)");
        // Slot k mod 100: 0 → township A1 (1 %), 1–4 → the other townships of county A (county A: 5 %), the rest
        // round-robin over the other 195 townships.
        jdbc.update("""
                insert into bench_copy (k, sfx, township, county, village)
                select n.k, concat('-', n.k), t.township, t.county, t.village
                from (select a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d as k
                      from (select 0 d union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) a,
                           (select 0 d union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) b,
                           (select 0 d union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) c,
                           (select 0 d union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) e,
                           (select 0 d union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) f) n
                join bench_township t on t.idx = case when n.k mod 100 < 5 then n.k mod 100
                                                      else 5 + ((n.k div 100) * 95 + n.k mod 100 - 5) mod 195 end
                where n.k between 1 and ?""", copies);
        List<String> doudi = doudiTables();
        // The seed's rows, once, into tables of their own: each batch reads them, never the growing tables.
        for (Map.Entry<String, String> e : ENGINE.entrySet()) {
            jdbc.execute("create table bench_seed_" + e.getKey() + " as select * from " + e.getKey() + " r where length(r.ID_) = 36 and "
                    + e.getValue());
        }
        for (String table : doudi) {
            jdbc.execute("create table bench_seed_" + table + " as select * from " + table);
        }
        jdbc.execute("create index ix_bench_seed_case_number on bench_seed_assistance_case (case_number)");
        return jdbc.execute((ConnectionCallback<Long>) con -> {
            try (Statement s = con.createStatement()) {
                s.execute("set foreign_key_checks = 0");
                s.execute("set unique_checks = 0");
                Map<String, Long> millis = new java.util.LinkedHashMap<>();
                try {
                    for (int from = 1; from <= copies; from += BATCH) {
                        int to = Math.min(copies, from + BATCH - 1);
                        for (String table : ENGINE.keySet()) {
                            timed(millis, table, s, engineCopy(con, table, from, to));
                        }
                        for (String table : doudi) {
                            timed(millis, table, s, doudiCopy(con, table, from, to));
                        }
                        log.info("copies {}–{} of {} inserted", from, to, copies);
                    }
                } finally {
                    s.execute("set unique_checks = 1");
                    s.execute("set foreign_key_checks = 1");
                }
                log.info("milliseconds per table: {}", millis);
                try (var rs = s.executeQuery("select count(*) from ACT_RU_TASK")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static void timed(Map<String, Long> millis, String table, Statement s, String sql) throws SQLException {
        long t0 = System.nanoTime();
        s.executeUpdate(sql);
        millis.merge(table, (System.nanoTime() - t0) / 1_000_000, Long::sum);
    }

    private String engineCopy(Connection con, String table, int from, int to) throws SQLException {
        List<String> cols = columns(con, table);
        boolean keyed = cols.contains("BUSINESS_KEY_") || table.equals("ACT_RU_VARIABLE");
        Function<String, String> expr = c -> {
            if (ENGINE_IDS.contains(c)) {
                return copyId("r." + c);
            }
            return switch (c) {
                case "BUSINESS_KEY_" -> "case when s.id is null then r.BUSINESS_KEY_ else " + caseNumber("s.case_number", "s.id") + " end";
                case "GROUP_ID_" -> region("r.GROUP_ID_");
                case "LOCK_OWNER_", "LOCK_EXP_TIME_" -> "null";
                case "TEXT_" -> table.equals("ACT_RU_VARIABLE") ? """
                        case r.NAME_ when 'caseNumber' then case when s.id is null then r.TEXT_ else %s end
                                     when 'applicantName' then %s
                                     when 'villageCode' then c.village
                                     else r.TEXT_ end""".formatted(caseNumber("s.case_number", "s.id"), name("r.TEXT_"))
                        : "r.TEXT_";
                default -> "r." + c;
            };
        };
        String join = !keyed ? ""
                : table.equals("ACT_RU_VARIABLE")
                        ? " left join bench_seed_assistance_case s on r.NAME_ = 'caseNumber' and s.case_number = r.TEXT_"
                        : " left join bench_seed_assistance_case s on s.case_number = r.BUSINESS_KEY_";
        return "insert into " + table + " (" + String.join(", ", cols) + ") select "
                + String.join(", ", cols.stream().map(expr).toList()) + " from bench_seed_" + table + " r join bench_copy c on c.k between "
                + from + " and " + to + join;
    }

    private String doudiCopy(Connection con, String table, int from, int to) throws SQLException {
        List<String> cols = columns(con, table);
        Map<String, String> types = new java.util.HashMap<>();
        jdbc.query("select column_name, data_type from information_schema.columns where table_schema = database() and table_name = ?",
                rs -> {
                    types.put(rs.getString(1), rs.getString(2));
                }, table);
        Function<String, String> expr = c -> {
            if ("bigint".equals(types.get(c)) && (c.equals("id") || c.endsWith("_id"))) {
                return "case when r." + c + " is null then null else r." + c + " + c.k * " + M + " end";
            }
            return switch (c) {
                case "case_number" -> caseNumber("r.case_number", table.equals("assistance_case") ? "r.id" : "r.case_id");
                case "task_id", "process_instance_id" -> copyId("r." + c);
                case "id_number", "applicant_id_number", "member_id_number" ->
                        "case when r." + c + " is null then null else concat(c.county, lpad(c.k, 5, '0'), right(r." + c + ", 7)) end";
                case "village_code" -> "c.village";
                case "township_code" -> "c.township";
                case "county_code" -> "c.county";
                case "group_id", "candidate_group" -> region("r." + c);
                case "applicant_name", "name", "member_name" -> name("r." + c);
                // the case search's keyed hash of an ID number: unique per copy like the ID numbers themselves
                // (it cannot be computed in SQL: its key is not in the database)
                case "id_hmac" -> "concat(left(r.id_hmac, 52), lpad(c.k, 12, '0'))";
                default -> "r." + c;
            };
        };
        return "insert into " + table + " (" + String.join(", ", cols) + ") select "
                + String.join(", ", cols.stream().map(expr).toList()) + " from bench_seed_" + table + " r join bench_copy c on c.k between "
                + from + " and " + to;
    }

    /**
     * An engine id of copy k (also in Doudi's columns that hold one): its last 12 characters (the node part of the
     * seed's UUIDs) become {@code b} and k in 11 digits, so that every id keeps its length and its column's limit.
     */
    static String copyId(String col) {
        return "case when " + col + " is null then null else concat(left(" + col + ", length(" + col
                + ") - 12), 'b', lpad(c.k, 11, '0')) end";
    }

    /** The new case number: the application's format, from the copy's new id. */
    private static String caseNumber(String number, String id) {
        String n = "(" + id + " + c.k * " + M + ")";
        return "concat(substring_index(" + number + ", '-', 2), '-', c.township, '-', lpad(" + n + ", greatest(6, length(" + n
                + ")), '0'))";
    }

    private static String region(String col) {
        return "replace(replace(replace(" + col + ", '" + SEED_VILLAGE + "', c.village), '" + SEED_TOWNSHIP
                + "', c.township), '" + SEED_COUNTY + "', c.county)";
    }

    private static String name(String col) {
        return "case when " + col + " is null then null else concat(" + col + ", substring('" + GIVEN + "', 1 + c.k mod "
                + GIVEN.length() + ", 1), substring('" + GIVEN + "', 1 + (c.k div " + GIVEN.length() + ") mod "
                + GIVEN.length() + ", 1)) end";
    }

    private List<String> doudiTables() {
        List<String> withCase = jdbc.queryForList("""
                select distinct table_name from information_schema.columns
                where table_schema = database() and column_name = 'case_id' and table_name not like 'bench%'""", String.class);
        List<String> tables = new ArrayList<>(DOUDI_FIRST);
        withCase.stream().filter(t -> !tables.contains(t) && !DOUDI_EXCLUDED.contains(t)).sorted().forEach(tables::add);
        return tables;
    }

    private List<String> columns(String table) {
        return jdbc.execute((ConnectionCallback<List<String>>) con -> columns(con, table));
    }

    private static List<String> columns(Connection con, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (var rs = con.getMetaData().getColumns(con.getCatalog(), null, table, null)) {
            while (rs.next()) {
                cols.add(rs.getString("COLUMN_NAME"));
            }
        }
        return cols;
    }
}
