package db.migration;

import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Doudi schema, part 25: field checks (摸排核查, module monitoring) and work that is not a case's in the escalation's
 * tables. A Java migration because making a column nullable has no portable SQL (H2: {@code alter column … set null};
 * MySQL and MariaDB: {@code modify}); everything else is the same SQL on both.
 */
public class V25__field_checks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean h2 = context.getConnection().getMetaData().getDatabaseProductName().startsWith("H2");
        try (Statement s = context.getConnection().createStatement()) {
            // Open tasks, escalations and notifications of work that is not a case (a field check): no case id, its
            // own number in case_number / subject_number.
            for (String table : List.of("open_task", "escalation", "notification")) {
                s.execute(h2 ? "alter table " + table + " alter column case_id set null"
                        : "alter table " + table + " modify case_id bigint null");
            }
            s.execute("alter table escalation add column subject_number varchar(40)");
            s.execute("alter table notification add column subject_number varchar(40)");

            // A field check (摸排核查): who is checked and why, where, and how it ended. check_number:
            // MP-<year>-<township>-<6 digits>, from the id. status: OPEN, DONE. outcome: apply, refer, review, watch,
            // no-need. result_ref: what the outcome started (a case number, an enrolment's review). warning_id: the
            // warning it checks (null for a check of another origin).
            s.execute("""
                    create table field_check (
                        id                  bigint auto_increment primary key,
                        check_number        varchar(40),
                        warning_id          bigint,
                        origin              varchar(10)   not null,
                        id_number           varchar(18)   not null,
                        name                varchar(50)   not null,
                        village_code        varchar(12)   not null,
                        township_code       varchar(9)    not null,
                        county_code         varchar(6)    not null,
                        reason              varchar(300)  not null,
                        note                varchar(500),
                        status              varchar(10)   not null,
                        outcome             varchar(10),
                        findings            varchar(2000),
                        programme           varchar(10),
                        result_ref          varchar(40),
                        process_instance_id varchar(64),
                        started_at          datetime(6)   not null,
                        started_by          varchar(64)   not null,
                        ended_at            datetime(6),
                        ended_by            varchar(64),
                        version             bigint        default 0 not null,
                        constraint uq_field_check_number unique (check_number),
                        constraint fk_field_check_warning foreign key (warning_id) references monitoring_warning (id)
                    )""");
            s.execute("create index ix_field_check_township on field_check (township_code, status)");
            s.execute("create index ix_field_check_warning on field_check (warning_id)");
        }
    }
}
