package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.impl.util.EncryptionUtil.saltPassword;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** Password hashes: bcrypt for new ones, old {@code {SHA-512}} ones upgraded at login; the cache of verified passwords. */
@IntegrationTest
class PasswordHashTest {

    private static final Logger log = LoggerFactory.getLogger(PasswordHashTest.class);

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    VerifiedPasswords verified;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ConfigurableApplicationContext context;

    LoginClient client;

    @BeforeEach
    void client() {
        client = new LoginClient(http, identity, throttle, context);
    }

    @AfterEach
    void cleanUp() {
        client.close();
    }

    Map<String, Object> row(String user) {
        return db.queryForMap("select PWD_, SALT_, REV_ from ACT_ID_USER where ID_ = ?", user);
    }

    @Test
    void newPasswordsAreStoredWithBcryptAtCostTen() {
        String user = client.newUser("hash-new");
        assertThat((String) row(user).get("PWD_")).startsWith("{BCRYPT}$2a$10$");
    }

    @Test
    void anOldSha512HashIsUpgradedToBcryptAtTheNextSuccessfulLogin() {
        String user = client.newUser("hash-old");
        String salt = "b2xkLXN0eWxlLXNhbHQ9PQ==";
        db.update("update ACT_ID_USER set PWD_ = ?, SALT_ = ? where ID_ = ?",
                "{SHA-512}" + new Sha512HashDigest().encrypt(saltPassword(LoginClient.PASSWORD, salt)), salt, user);
        verified.forget(user);
        int revision = ((Number) row(user).get("REV_")).intValue();

        assertThat(client.api(user, LoginClient.WRONG, LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat((String) row(user).get("PWD_")).as("no upgrade on a wrong password").startsWith("{SHA-512}");

        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.OK);
        Map<String, Object> upgraded = row(user);
        assertThat((String) upgraded.get("PWD_")).startsWith("{BCRYPT}$2a$10$");
        assertThat(upgraded.get("SALT_")).isNotEqualTo(salt);
        assertThat(((Number) upgraded.get("REV_")).intValue()).isEqualTo(revision + 1);

        verified.forget(user);
        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.OK);
        assertThat(client.api(user, LoginClient.WRONG, LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aPasswordChangedAnywhereIsNotServedFromTheCache() {
        String user = client.newUser("hash-change");
        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.OK);

        User u = identity.createUserQuery().userId(user).singleResult();
        u.setPassword("Nn4#other-Meadow");
        identity.saveUser(u);
        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).as("changed here").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(client.api(user, "Nn4#other-Meadow", LoginClient.LOCAL)).isEqualTo(HttpStatus.OK);

        // Another node sets a new password: only the stored hash changes.
        String salt = "YW5vdGhlci1ub2RlLXNhbHQ=";
        db.update("update ACT_ID_USER set PWD_ = ?, SALT_ = ?, REV_ = REV_ + 1 where ID_ = ?",
                "{SHA-512}" + new Sha512HashDigest().encrypt(saltPassword("Kk2$third-Harbour", salt)), salt, user);
        assertThat(client.api(user, "Nn4#other-Meadow", LoginClient.LOCAL)).as("changed on another node")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(client.api(user, "Kk2$third-Harbour", LoginClient.LOCAL)).isEqualTo(HttpStatus.OK);
    }

    @Test
    @Tag("slow")
    void theCacheSparesBcryptOnEveryBasicRequest() {
        String user = client.newUser("hash-timing");
        client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL);

        List<Long> cached = new ArrayList<>();
        List<Long> uncached = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            cached.add(timed(user));
        }
        for (int i = 0; i < 100; i++) {
            verified.forget(user);
            uncached.add(timed(user));
        }
        double withCache = median(cached);
        double withoutCache = median(uncached);
        log.info("GET /api/me, median of 100: {} ms with the verification cache, {} ms without (bcrypt cost 10)",
                String.format("%.1f", withCache), String.format("%.1f", withoutCache));
        assertThat(withCache).isLessThan(withoutCache);
    }

    private long timed(String user) {
        long start = System.nanoTime();
        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.OK);
        return System.nanoTime() - start;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0 / 1_000_000;
    }
}
