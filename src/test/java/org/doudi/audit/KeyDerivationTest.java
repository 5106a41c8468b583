package org.doudi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Keys derived from the audit key: one per purpose and per audit key, none equal to the audit key. */
class KeyDerivationTest {

    private static final byte[] AUDIT_KEY = "an-audit-key-for-this-test".getBytes(StandardCharsets.UTF_8);

    @Test
    void derivesOneStableKeyPerPurposeAndAuditKey() {
        KeyDerivation macs = new AuditMacs(AUDIT_KEY);
        byte[] search = macs.derive("case-search.id-number.v1");
        assertThat(search).hasSize(32).isEqualTo(new AuditMacs(AUDIT_KEY).derive("case-search.id-number.v1"))
                .isNotEqualTo(macs.derive("another-purpose")).isNotEqualTo(AUDIT_KEY);
        assertThat(new AuditMacs("another-audit-key-for-tests".getBytes(StandardCharsets.UTF_8))
                .derive("case-search.id-number.v1")).isNotEqualTo(search);
    }
}
