package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.doudi.security.ThrottleState.Kind;
import org.doudi.test.Demo;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Temporary locks per user and per client address, through each way in over real HTTP: {@code /api} Basic,
 * the webapps' login form, {@code /engine-rest} Basic. Time moves with the engine clock.
 */
@IntegrationTest
class LoginThrottlingTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    LoginThrottleStore store;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    DataSourceProperties dataSource;
    @Autowired
    Clock clock;

    LoginClient client;

    @BeforeEach
    void client() {
        client = new LoginClient(http, identity, throttle, context);
    }

    @AfterEach
    void cleanUp() {
        client.close();
    }

    interface Way {
        HttpStatusCode login(String user, String password, String address);
    }

    /** Five wrong passwords, then the right one refused; the right one again once the lock has expired. */
    void locksAfterFiveFailuresUntilTheLockExpires(Way way, String user, HttpStatus ok) {
        for (int i = 0; i < 5; i++) {
            assertThat(way.login(user, LoginClient.WRONG, LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        String password = user.startsWith("caseworker") ? Demo.PASSWORD : LoginClient.PASSWORD;
        assertThat(way.login(user, password, LoginClient.LOCAL)).as("locked: the right password too")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        LoginClient.clockAhead(Duration.ofMinutes(14));
        assertThat(way.login(user, password, LoginClient.LOCAL)).as("still locked after 14 minutes")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        LoginClient.clockAhead(Duration.ofMinutes(15).plusSeconds(5));
        assertThat(way.login(user, password, LoginClient.LOCAL)).as("the lock has expired").isEqualTo(ok);
        assertThat(store.find(user, null)).as("a success resets the user's count").isEmpty();
    }

    @Test
    void fiveWrongPasswordsOverApiLockTheUserForFifteenMinutes() {
        String user = client.demoUser(Demo.CASEWORKER2);
        locksAfterFiveFailuresUntilTheLockExpires(client::api, user, HttpStatus.OK);

        List<LoginEvents.Failed> failed = client.events(LoginEvents.Failed.class);
        assertThat(failed).extracting(LoginEvents.Failed::reason).containsExactly("BAD_CREDENTIALS",
                "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "LOCKED", "LOCKED");
        assertThat(failed).allSatisfy(f -> {
            assertThat(f.userId()).isEqualTo(user);
            assertThat(f.clientAddress()).isEqualTo(LoginClient.LOCAL);
        });
        assertThat(client.events(LoginEvents.Locked.class)).singleElement().satisfies(l -> {
            assertThat(l.key()).isEqualTo("user:" + user);
            assertThat(l.clientAddress()).isEqualTo(LoginClient.LOCAL);
        });
    }

    @Test
    void fiveWrongPasswordsAtTheWebappLoginLockTheUser() {
        locksAfterFiveFailuresUntilTheLockExpires(client::webapp, client.newUser("lock-webapp"), HttpStatus.OK);
    }

    @Test
    void fiveWrongPasswordsOverEngineRestLockTheUser() {
        locksAfterFiveFailuresUntilTheLockExpires(client::engineRest, client.newUser("lock-rest"), HttpStatus.OK);
    }

    @Test
    void aLockInOneWayInHoldsInTheOthers() {
        String user = client.newUser("lock-ways");
        for (int i = 0; i < 5; i++) {
            client.webapp(user, LoginClient.WRONG, LoginClient.LOCAL);
        }
        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(client.engineRest(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void thirtyWrongPasswordsForAdminNeverLockHimForGood() {
        String admin = client.demoUser("admin");
        Duration ahead = Duration.ZERO;
        List<Duration> lockLengths = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 5; i++) {
                assertThat(client.api(admin, LoginClient.WRONG, LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            ThrottleState lock = store.find(admin, null).get(0);
            lockLengths.add(Duration.between(lock.lastFailure(), lock.lockedUntil()));
            assertThat(client.api(admin, Demo.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
            ahead = ahead.plus(Duration.between(Instant.now(), lock.lockedUntil())).plusSeconds(1);
            LoginClient.clockAhead(ahead);
        }
        assertThat(lockLengths).as("each lock in a row twice as long").containsExactly(Duration.ofMinutes(15),
                Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(120), Duration.ofMinutes(240),
                Duration.ofMinutes(480));
        assertThat(client.api(admin, Demo.PASSWORD, LoginClient.LOCAL)).as("after the sixth lock").isEqualTo(HttpStatus.OK);
        assertThat(store.find(admin, null)).isEmpty();
    }

    @Test
    void anAddressGuessingAcrossUsersIsLockedAndOtherAddressesAreNot() {
        String guesser = client.newAddress();
        List<String> victims = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            victims.add(client.newUser("lock-spray"));
        }
        // Thirty failures (the test profile's limit), three per user: no user reaches his own limit.
        for (int i = 0; i < 30; i++) {
            assertThat(client.api(victims.get(i % 10), LoginClient.WRONG, guesser)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(client.api(victims.get(0), LoginClient.PASSWORD, guesser)).as("the address is locked")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(client.api(victims.get(0), LoginClient.PASSWORD, client.newAddress())).as("from elsewhere")
                .isEqualTo(HttpStatus.OK);
        assertThat(client.events(LoginEvents.Locked.class)).singleElement()
                .satisfies(l -> assertThat(l.key()).isEqualTo("address:" + guesser));

        LoginClient.clockAhead(Duration.ofMinutes(16));
        assertThat(client.api(victims.get(1), LoginClient.PASSWORD, guesser)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void unknownUsersCountForTheAddress() {
        String guesser = client.newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(client.api("nobody-" + i, LoginClient.WRONG, guesser)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(store.find("nobody-0", guesser)).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.ADDRESS);
            assertThat(s.failures()).isEqualTo(3);
        });
        assertThat(client.events(LoginEvents.Failed.class)).extracting(LoginEvents.Failed::reason)
                .containsOnly("UNKNOWN_USER");
    }

    @Test
    void twentyWrongPasswordsAtOnceCountAsTwenty() throws Exception {
        String address = client.newAddress();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(client.newUser("lock-par"));
        }
        List<HttpStatusCode> answers = all(20, i -> client.api(users.get(i), LoginClient.WRONG, address));

        assertThat(answers).containsOnly(HttpStatus.UNAUTHORIZED);
        ThrottleState row = store.find(null, address).get(0);
        assertThat(row.failures()).isEqualTo(20);
        for (String user : users) {
            assertThat(store.find(user, null)).singleElement().satisfies(s -> assertThat(s.failures()).isEqualTo(1));
        }
    }

    @Test
    void twentyWrongPasswordsAtOnceForOneUserLockHimOnce() throws Exception {
        String user = client.newUser("lock-par1");
        String address = client.newAddress();
        List<HttpStatusCode> answers = all(20, i -> client.api(user, LoginClient.WRONG, address));

        assertThat(answers).containsOnly(HttpStatus.UNAUTHORIZED);
        ThrottleState row = store.find(user, null).get(0);
        assertThat(row.lockLevel()).isEqualTo(1);
        assertThat(row.lockedUntil()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(client.events(LoginEvents.Locked.class))
                .extracting(LoginEvents.Locked::key).containsExactly("user:" + user));
        assertThat(client.api(user, LoginClient.PASSWORD, client.newAddress())).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void withoutARequestOnlyTheUserIsCounted() {
        String user = client.newUser("lock-java");
        for (int i = 0; i < 5; i++) {
            assertThat(identity.checkPassword(user, LoginClient.WRONG)).isFalse();
        }
        assertThat(identity.checkPassword(user, LoginClient.PASSWORD)).as("locked").isFalse();
        assertThat(store.find(user, null)).singleElement().satisfies(s -> assertThat(s.kind()).isEqualTo(Kind.USER));
        assertThat(client.events(LoginEvents.Failed.class)).extracting(LoginEvents.Failed::clientAddress)
                .containsOnlyNulls().hasSize(6);
    }

    @Test
    void aSecondNodeOnTheSameDatabaseSeesTheLock() {
        String user = client.newUser("lock-node");
        for (int i = 0; i < 5; i++) {
            client.api(user, LoginClient.WRONG, LoginClient.LOCAL);
        }
        // Another application node: its own throttle and its own pool, the same database.
        LoginThrottleStore otherStore = new LoginThrottleStore(dataSource, LoginProperties.defaults());
        try {
            LoginThrottle otherNode = new LoginThrottle(otherStore, LoginProperties.defaults(), clock);
            assertThat(otherNode.standing(user, null).locked()).isTrue();
            assertThat(otherNode.clearUser(user)).as("an operator on the other node lifts it").isTrue();
        } finally {
            otherStore.destroy();
        }
        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void rowsQuietForADayAreRemoved() {
        String address = client.newAddress();
        client.api("nobody-quiet", LoginClient.WRONG, address);
        assertThat(store.find(null, address)).hasSize(1);

        LoginClient.clockAhead(Duration.ofHours(23));
        throttle.forgetQuietRows();
        assertThat(store.find(null, address)).hasSize(1);
        LoginClient.clockAhead(Duration.ofHours(24).plusMinutes(1));
        throttle.forgetQuietRows();
        assertThat(store.find(null, address)).isEmpty();
    }

    interface Call {
        HttpStatusCode call(int index) throws Exception;
    }

    /** Runs the calls at once (all threads released together). */
    static List<HttpStatusCode> all(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpStatusCode>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<HttpStatusCode>) () -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<HttpStatusCode> answers = new ArrayList<>();
            for (Future<HttpStatusCode> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
