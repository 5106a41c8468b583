package org.doudi.search;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.doudi.audit.KeyDerivation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keyed hash (HMAC-SHA256) under which the search index holds resident ID numbers: without the key,
 * nobody can test a guessed ID against the index (an ID has little entropy: area, birth date, sequence), so
 * the index never holds an ID in clear or under a plain hash. The key is {@code doudi.search.key}
 * ({@code DOUDI_SEARCH_KEY}, at least 16 characters, the same on every node), else derived from the audit key
 * ({@code DOUDI_AUDIT_KEY} or its key file) for the purpose {@value #PURPOSE}.
 */
@Component
class SearchKey {

    static final String PURPOSE = "case-search.id-number.v1";
    static final int MINIMUM_KEY_LENGTH = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Logger log = LoggerFactory.getLogger(SearchKey.class);

    private final ThreadLocal<Mac> macs;
    private final String keyId;

    @Autowired
    SearchKey(@Value("${doudi.search.key:}") String configured, KeyDerivation derivation) {
        this(keyBytes(configured, derivation));
        log.info("case search: resident IDs are indexed under the {} key (key id {})",
                configured == null || configured.isBlank() ? "derived audit" : "DOUDI_SEARCH_KEY", keyId);
    }

    SearchKey(byte[] keyBytes) {
        SecretKeySpec key = new SecretKeySpec(keyBytes.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        });
        // Names the key without revealing it: rows hashed under another key are indexed again at start.
        this.keyId = mac("doudi.search.key-id.v1").substring(0, 16);
    }

    private static byte[] keyBytes(String configured, KeyDerivation derivation) {
        if (configured == null || configured.isBlank()) {
            return derivation.derive(PURPOSE);
        }
        if (configured.length() < MINIMUM_KEY_LENGTH) {
            throw new IllegalArgumentException("doudi.search.key (DOUDI_SEARCH_KEY) must be at least "
                    + MINIMUM_KEY_LENGTH + " characters long");
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    /** Which key hashed the index's IDs (16 hex characters of a MAC of a fixed text). */
    public String keyId() {
        return keyId;
    }

    /**
     * The keyed hash of a resident ID number (64 hex characters); a trailing {@code x} counts as {@code X},
     * as GB 11643 writes it.
     */
    public String hash(String idNumber) {
        return mac("doudi.search.id-number.v1:" + idNumber.trim().toUpperCase(Locale.ROOT));
    }

    private String mac(String text) {
        return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
