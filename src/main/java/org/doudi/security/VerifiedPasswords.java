package org.doudi.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Successful password checks, remembered for a few minutes. HTTP Basic ({@code /api}, {@code /engine-rest})
 * sends the password with every request, and bcrypt costs 50–100 ms a check on purpose.
 * <p>
 * Nothing here can give a password back: an entry holds an HMAC of it under a random key that lives only
 * in this process's memory, and the stored hash it was checked against. An entry counts only while the
 * user's stored hash is unchanged (a new password on any node gives a new hash and salt), for at most the
 * TTL of real time, and it is dropped when the user is locked, unlocked, deleted or given a new password
 * here. Locks are checked before the cache, so a locked user gets nothing from it.
 */
@Component
class VerifiedPasswords {

    private static final String HMAC = "HmacSHA256";
    /** Far more than the staff of a province; reaching it means someone fills the map on purpose. */
    private static final int MAX_ENTRIES = 20_000;

    private final SecretKeySpec key;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(byte[] fingerprint, String storedHash, long expiresAt) {
    }

    @Autowired
    VerifiedPasswords(LoginProperties properties) {
        this(properties.verificationCacheTtl(), System::nanoTime);
    }

    VerifiedPasswords(Duration ttl, LongSupplier nanoTime) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether this password was verified against this stored hash of the user within the TTL. */
    boolean holds(String userId, String password, String storedHash) {
        Entry entry = entries.get(userId);
        if (entry == null) {
            return false;
        }
        if (nanoTime.getAsLong() - entry.expiresAt() >= 0) {
            entries.remove(userId, entry);
            return false;
        }
        return entry.storedHash().equals(storedHash) && MessageDigest.isEqual(entry.fingerprint(), fingerprint(userId, password));
    }

    void remember(String userId, String password, String storedHash) {
        if (ttlNanos <= 0 || storedHash == null) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(userId, new Entry(fingerprint(userId, password), storedHash, nanoTime.getAsLong() + ttlNanos));
    }

    /** Forgets the user's verified password: the next request checks it with bcrypt again. */
    public void forget(String userId) {
        if (userId != null) {
            entries.remove(userId);
        }
    }

    private byte[] fingerprint(String userId, String password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
