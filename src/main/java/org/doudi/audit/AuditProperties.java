package org.doudi.audit;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit trail ({@code doudi.audit}).
 *
 * @param key             the MAC key ({@code DOUDI_AUDIT_KEY}); it must never be stored in the database. When
 *                        empty, a random key is generated once into {@code keyFile} (development only)
 * @param keyFile         where the generated key is kept, default {@code ${DOUDI_DATA_DIR:./data}/audit.key}
 * @param retentionDays   how long entries are kept before they may be pruned; at least 180 (等保 level 3),
 *                        default 1825 like the process history
 * @param chainBatchSize  how many pending entries one chaining transaction takes
 */
@ConfigurationProperties("doudi.audit")
record AuditProperties(String key, Path keyFile, @DefaultValue("1825") int retentionDays,
        @DefaultValue("500") int chainBatchSize) {

    /** 等保 level 3 asks for audit records of at least six months. */
    static final int MINIMUM_RETENTION_DAYS = 180;
    static final int MINIMUM_KEY_LENGTH = 16;

    AuditProperties {
        if (retentionDays < MINIMUM_RETENTION_DAYS) {
            throw new IllegalArgumentException("doudi.audit.retention-days must be at least " + MINIMUM_RETENTION_DAYS
                    + " (等保: audit records are kept for at least 180 days), not " + retentionDays);
        }
        if (key != null && !key.isBlank() && key.length() < MINIMUM_KEY_LENGTH) {
            throw new IllegalArgumentException("doudi.audit.key (DOUDI_AUDIT_KEY) must be at least "
                    + MINIMUM_KEY_LENGTH + " characters long");
        }
        if (chainBatchSize < 1) {
            throw new IllegalArgumentException("doudi.audit.chain-batch-size must be at least 1");
        }
        keyFile = keyFile == null ? Path.of("data", "audit.key") : keyFile;
    }

    boolean keyConfigured() {
        return key != null && !key.isBlank();
    }
}
