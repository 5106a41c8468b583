package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.doudi.test.Demo;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Operators see and lift login locks: {@code /api/login-locks}, and Camunda Admin's own "unlock user"
 * (the engine's {@code unlockUser}, over the Admin webapp's session and over {@code /engine-rest}).
 */
@IntegrationTest
class LoginLockApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    ConfigurableApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();
    LoginClient client;

    @BeforeEach
    void client() {
        client = new LoginClient(http, identity, throttle, context);
    }

    @AfterEach
    void cleanUp() {
        client.close();
    }

    String lockedUser() {
        String user = client.newUser("lock-op");
        for (int i = 0; i < 5; i++) {
            client.api(user, LoginClient.WRONG, LoginClient.LOCAL);
        }
        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
        return user;
    }

    ResponseEntity<String> call(String user, HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, Demo.PASSWORD).exchange(path, method, new HttpEntity<>(headers), String.class);
    }

    @Test
    void operatorsSeeCurrentLocksWithTheirEnd() throws Exception {
        String user = lockedUser();
        ResponseEntity<String> list = call("admin", HttpMethod.GET, "/api/login-locks");

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode lock = null;
        for (JsonNode l : json.readTree(list.getBody())) {
            if (l.path("subject").asText().equals(user)) {
                lock = l;
            }
        }
        assertThat(lock).as(list.getBody()).isNotNull();
        assertThat(lock.path("kind").asText()).isEqualTo("USER");
        assertThat(lock.path("failures").asInt()).isEqualTo(5);
        assertThat(lock.path("lockLevel").asInt()).isEqualTo(1);
        assertThat(Instant.parse(lock.path("lockedUntil").asText()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));

        ResponseEntity<String> refused = call(Demo.CASEWORKER1, HttpMethod.GET, "/api/login-locks");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
    }

    @Test
    void anOperatorLiftsAUsersLockOverTheApi() {
        String user = lockedUser();

        assertThat(call(Demo.CASEWORKER1, HttpMethod.DELETE, "/api/login-locks/" + user).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).as("still locked")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(call("admin", HttpMethod.DELETE, "/api/login-locks/" + user).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.OK);
        assertThat(client.events(LoginEvents.Unlocked.class)).containsExactly(new LoginEvents.Unlocked(user, "admin"));
        assertThat(history.createUserOperationLogQuery().entityType("User").operationType("Unlock").userId("admin")
                .list()).isNotEmpty();

        assertThat(call("admin", HttpMethod.DELETE, "/api/login-locks/" + user).getStatusCode())
                .as("nothing left to lift").isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void unlockingAnUnknownUserIsNotFound() throws Exception {
        ResponseEntity<String> answer = call("admin", HttpMethod.DELETE, "/api/login-locks/nobody-at-all");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(answer.getBody()).path("detail").asText()).contains("用户不存在");
    }

    @Test
    void anOperatorLiftsAnAddressLock() {
        String address = client.newAddress();
        for (int i = 0; i < 30; i++) {
            client.api("nobody-" + (i % 3), LoginClient.WRONG, address);
        }
        String user = client.newUser("lock-addr");
        assertThat(client.api(user, LoginClient.PASSWORD, address)).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(call("admin", HttpMethod.DELETE, "/api/login-locks/addresses/" + address).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(client.api(user, LoginClient.PASSWORD, address)).isEqualTo(HttpStatus.OK);
        assertThat(client.events(LoginEvents.Unlocked.class))
                .containsExactly(new LoginEvents.Unlocked("address:" + address, "admin"));
        assertThat(call("admin", HttpMethod.DELETE, "/api/login-locks/addresses/" + address).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void camundaAdminsUnlockButtonLiftsTheLock() {
        String user = lockedUser();
        LoginClient.WebappSession admin = client.webappSession("admin", "admin", Demo.PASSWORD);

        // What the button in Camunda Admin (Users → user → "Unlock user") sends.
        assertThat(admin.post("/camunda/api/engine/engine/default/user/" + user + "/unlock"))
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.OK);
        assertThat(client.events(LoginEvents.Unlocked.class)).containsExactly(new LoginEvents.Unlocked(user, "admin"));
    }

    @Test
    void engineRestUnlockLiftsTheLock() {
        String user = lockedUser();

        ResponseEntity<String> answer = http.withBasicAuth("admin", Demo.PASSWORD)
                .exchange("/engine-rest/user/" + user + "/unlock", HttpMethod.POST, HttpEntity.EMPTY, String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(client.engineRest(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyOperatorsMayUnlockThroughTheEngine() {
        String user = lockedUser();

        ResponseEntity<String> answer = http.withBasicAuth(Demo.CASEWORKER1, Demo.PASSWORD)
                .exchange("/engine-rest/user/" + user + "/unlock", HttpMethod.POST, HttpEntity.EMPTY, String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client.api(user, LoginClient.PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
