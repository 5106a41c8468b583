package org.doudi.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Password hashes with bcrypt, stored as {@code {BCRYPT}$2a$10$…} in the engine's user table. The engine
 * hands over the password with its own salt appended (24 characters); bcrypt reads at most 72 bytes, and
 * Spring Security refuses longer input, so a long or Chinese password would not fit. The input to bcrypt is
 * therefore the SHA-256 of the salted password in Base64: 44 ASCII characters whatever the password.
 * Older {@code {SHA-512}} hashes stay checkable by the engine's own checker and are upgraded at the next
 * successful login ({@link ThrottledIdentityProvider}).
 */
final class BcryptPasswordEncryptor implements PasswordEncryptor {

    static final String NAME = "BCRYPT";
    private static final String PREFIX = "{" + NAME + "}";

    private final BCryptPasswordEncoder bcrypt;
    private final String decoy;

    BcryptPasswordEncryptor(int cost) {
        this.bcrypt = new BCryptPasswordEncoder(cost);
        this.decoy = bcrypt.encode(prehash("no such user"));
    }

    @Override
    public String encrypt(String saltedPassword) {
        return bcrypt.encode(prehash(saltedPassword));
    }

    @Override
    public boolean check(String saltedPassword, String encrypted) {
        return bcrypt.matches(prehash(saltedPassword), encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }

    /** Whether a stored hash (with its prefix) is bcrypt at the configured cost; otherwise it is re-hashed at login. */
    boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX) && !bcrypt.upgradeEncoding(stored.substring(PREFIX.length()));
    }

    /** Spends what a real check costs, so that the answer's timing does not tell which user ids exist. */
    void spendCheckTime(String password) {
        bcrypt.matches(prehash(password), decoy);
    }

    static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
