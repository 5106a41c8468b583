package org.doudi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonical serialization under the MACs, and what the trail masks in free text. */
class AuditMacsTest {

    private final AuditMacs macs = new AuditMacs(TrailDatabase.KEY);

    static StoredEntry entry(String actor, String action, String target) {
        return new StoredEntry(null, null, Instant.parse("2026-05-01T02:03:04Z"), actor, action, target, null, null,
                "SUCCESS", null, null, "0123456789abcdef0123456789abcdef", null, null, null);
    }

    @Test
    void shiftingTextBetweenFieldsChangesTheMac() {
        assertThat(macs.entryMac(entry("ab", "c", null))).isNotEqualTo(macs.entryMac(entry("a", "bc", null)));
        assertThat(macs.entryMac(entry("a", "b", ""))).isNotEqualTo(macs.entryMac(entry("a", "b", null)));
        assertThat(macs.entryMac(entry("a", "b", null))).isEqualTo(macs.entryMac(entry("a", "b", null)));
    }

    @Test
    void theChainMacCoversPositionAndPredecessor() {
        String m = macs.entryMac(entry("a", "b", null));
        assertThat(macs.chainMac(2, "x", m)).isNotEqualTo(macs.chainMac(3, "x", m));
        assertThat(macs.chainMac(2, "x", m)).isNotEqualTo(macs.chainMac(2, "y", m));
        assertThat(macs.chainMac(2, null, m)).isNotEqualTo(macs.chainMac(2, "", m));
    }

    @Test
    void anotherKeyGivesOtherMacsAndAnotherKeyId() {
        AuditMacs other = new AuditMacs("another-key-of-thirty-two-bytes!".getBytes());
        assertThat(other.entryMac(entry("a", "b", null))).isNotEqualTo(macs.entryMac(entry("a", "b", null)));
        assertThat(other.keyId()).isNotEqualTo(macs.keyId()).hasSize(16);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "11010519491231002X                  | 110105********002X",
            "user 110105194912310021 tried       | user 110105********0021 tried",
            "13800001111                         | 138****1111",
            "tel:13800001111;                    | tel:138****1111;",
            "DB-2026-130102100-000042            | DB-2026-130102100-000042",
            "village 130102100201                | village 130102100201",
            "1380000111122                       | 1380000111122",
    })
    void masksResidentIdsAndMobileNumbersWhereverTheyAppear(String text, String kept) {
        assertThat(AuditText.clean(text, 200)).isEqualTo(kept);
    }

    @Test
    void replacesWhatAColumnCannotHoldAndCutsToItsLength() {
        assertThat(AuditText.clean("a\u0000b\uD83D\uDE00c", 64)).isEqualTo("a?b?c");
        assertThat(AuditText.clean("x".repeat(100), 64)).hasSize(64).endsWith("…");
    }
}
