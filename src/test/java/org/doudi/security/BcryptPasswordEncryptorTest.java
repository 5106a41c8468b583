package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.impl.util.EncryptionUtil.saltPassword;

import java.util.List;

import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.Test;

/** bcrypt inside the engine's {@link PasswordManager}, as the plugin installs it (cost 4 here: rules, not timing). */
class BcryptPasswordEncryptorTest {

    private final BcryptPasswordEncryptor bcrypt = new BcryptPasswordEncryptor(4);
    private final PasswordManager passwords = new PasswordManager(bcrypt, List.of());
    private final String salt = "Q2FtdW5kYVNhbHQxMjM0NQ==";

    @Test
    void newHashesAreBcryptWithTheirPrefix() {
        String stored = passwords.encrypt(saltPassword("Wq7!zebra-Lantern", salt));
        assertThat(stored).startsWith("{BCRYPT}$2a$04$").hasSize("{BCRYPT}".length() + 60);
        assertThat(passwords.check(saltPassword("Wq7!zebra-Lantern", salt), stored)).isTrue();
        assertThat(passwords.check(saltPassword("Wq7!zebra-Lanterm", salt), stored)).isFalse();
    }

    @Test
    void aLongChinesePasswordCountsInFull() {
        String base = "长城万里长，黄河九曲弯，兜底保障惠民生，一户一策不漏一人-Aa1";
        String stored = passwords.encrypt(saltPassword(base + "甲", salt));
        assertThat((base + "甲").getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(passwords.check(saltPassword(base + "甲", salt), stored)).isTrue();
        assertThat(passwords.check(saltPassword(base + "乙", salt), stored)).as("differs after byte 72").isFalse();
    }

    @Test
    void oldSha512HashesStayCheckable() {
        String old = "{SHA-512}" + new Sha512HashDigest().encrypt(saltPassword("demo", salt));
        assertThat(passwords.check(saltPassword("demo", salt), old)).isTrue();
        assertThat(bcrypt.isCurrent(old)).as("upgraded at the next login").isFalse();
    }

    @Test
    void aHashOfALowerCostIsUpgraded() {
        String cheap = passwords.encrypt(saltPassword("Wq7!zebra-Lantern", salt));
        assertThat(bcrypt.isCurrent(cheap)).isTrue();
        assertThat(new BcryptPasswordEncryptor(5).isCurrent(cheap)).isFalse();
    }
}
