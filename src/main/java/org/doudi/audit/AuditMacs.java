package org.doudi.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed MACs (HMAC-SHA256) of the trail. Each MAC covers a canonical serialization: a domain tag,
 * then every field as a presence byte, a 4-byte length and its UTF-8 bytes, so that no two different
 * entries serialize alike (a field's end cannot be shifted into the next one). Times enter as epoch
 * seconds, the precision both H2 and MySQL keep.
 */
final class AuditMacs implements KeyDerivation {

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final ThreadLocal<Mac> macs;
    private final String keyId;

    AuditMacs(byte[] keyBytes) {
        if (keyBytes.length < AuditProperties.MINIMUM_KEY_LENGTH) {
            throw new IllegalArgumentException("an audit key needs at least " + AuditProperties.MINIMUM_KEY_LENGTH
                    + " bytes");
        }
        SecretKeySpec key = new SecretKeySpec(keyBytes.clone(), ALGORITHM);
        // One Mac per thread: verifying a million entries computes two million MACs.
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        });
        // Says which key sealed a trail without revealing it, so that a wrong key is reported as such.
        this.keyId = mac(new Canonical("doudi.audit.key-id.v1")).substring(0, 16);
    }

    String keyId() {
        return keyId;
    }

    @Override
    public byte[] derive(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a derived key needs its purpose");
        }
        return macs.get().doFinal(new Canonical("doudi.derived-key.v1").add(purpose).bytes());
    }

    /** The MAC of an entry's own content, computed when it is recorded (before it has a position). */
    String entryMac(StoredEntry e) {
        return mac(new Canonical("doudi.audit.entry.v1")
                .add(e.nonce())
                .add(e.at() == null ? null : Long.toString(e.at().getEpochSecond()))
                .add(e.actor()).add(e.action()).add(e.target()).add(e.caseNumber()).add(e.regionCode())
                .add(e.outcome()).add(e.detail()).add(e.clientAddress()));
    }

    /** The chain MAC of the entry at a position: covers the position, the MAC before it and its content's. */
    String chainMac(long seq, String prevHash, String entryMac) {
        return mac(new Canonical("doudi.audit.chain.v1").add(Long.toString(seq)).add(prevHash).add(entryMac));
    }

    /** The MAC of the head: where the chain starts after pruning and where it ends. */
    String headMac(long baseSeq, String baseHash, long lastSeq, String lastHash, String keyId) {
        return mac(new Canonical("doudi.audit.head.v1").add(Long.toString(baseSeq)).add(baseHash)
                .add(Long.toString(lastSeq)).add(lastHash).add(keyId));
    }

    private String mac(Canonical input) {
        return HEX.formatHex(macs.get().doFinal(input.bytes()));
    }

    /** Length-prefixed fields; {@code null} differs from the empty string. */
    static final class Canonical {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Canonical(String domain) {
            add(domain);
        }

        Canonical add(String value) {
            if (value == null) {
                out.write(0);
                return this;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.write(1);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
