package org.doudi.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.doudi.audit.KeyDerivation;
import org.junit.jupiter.api.Test;

/** The keyed hash of resident IDs: depends on the key, not on the case of X, and never is the ID itself. */
class SearchKeyTest {

    private static final String ID = "13010219700307001X";

    /** Stands in for the audit key: a different purpose gives a different key. */
    private static final KeyDerivation AUDIT = purpose -> ("audit-key|" + purpose).getBytes(StandardCharsets.UTF_8);

    @Test
    void hashesAnIdUnderTheKeyWithTheCheckCharacterInEitherCase() {
        SearchKey key = new SearchKey("", AUDIT);
        assertThat(key.hash(ID)).hasSize(64).doesNotContain(ID).doesNotContain(ID.substring(0, 6))
                .isEqualTo(key.hash(ID.toLowerCase())).isEqualTo(key.hash(" " + ID + " "))
                .isNotEqualTo(key.hash("130102197003070029"));
    }

    @Test
    void anotherKeyGivesOtherHashesAndAnotherKeyId() {
        SearchKey derived = new SearchKey("", AUDIT);
        SearchKey configured = new SearchKey("a-search-key-of-32-characters!!!", AUDIT);
        SearchKey otherAudit = new SearchKey("", purpose -> ("another|" + purpose).getBytes(StandardCharsets.UTF_8));
        assertThat(configured.hash(ID)).isNotEqualTo(derived.hash(ID));
        assertThat(otherAudit.hash(ID)).isNotEqualTo(derived.hash(ID));
        assertThat(configured.keyId()).hasSize(16).isNotEqualTo(derived.keyId());
        assertThat(new SearchKey("", AUDIT).hash(ID)).isEqualTo(derived.hash(ID));
        assertThat(new SearchKey("", AUDIT).keyId()).isEqualTo(derived.keyId());
    }

    @Test
    void refusesAShortConfiguredKey() {
        assertThatThrownBy(() -> new SearchKey("short", AUDIT)).hasMessageContaining("DOUDI_SEARCH_KEY");
    }
}
