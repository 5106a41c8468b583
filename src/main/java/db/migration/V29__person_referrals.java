package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Doudi schema, part 29: a referral to the poverty office of a person who has no case (a field check's outcome
 * {@code refer}, 摸排核查后转介). The referral's case becomes optional; such a referral names its subject (the field check's
 * number, also its process's business key) and the person. A Java migration for the same reason as V25: making a
 * column nullable has no portable SQL.
 */
public class V29__person_referrals extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        boolean h2 = context.getConnection().getMetaData().getDatabaseProductName().startsWith("H2");
        try (Statement s = context.getConnection().createStatement()) {
            s.execute(h2 ? "alter table referral alter column case_id set null"
                    : "alter table referral modify case_id bigint null");
            s.execute("alter table referral add column subject_number varchar(40)");
            s.execute("alter table referral add column person_name varchar(50)");
            s.execute("alter table referral add column id_number varchar(18)");
            s.execute("alter table referral add column village_code varchar(12)");
            s.execute("create index ix_referral_subject on referral (subject_number, status)");
        }
    }
}
