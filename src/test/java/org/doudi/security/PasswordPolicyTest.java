package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.doudi.test.Demo;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The engine's password policy on passwords set over {@code /engine-rest} (and so in Camunda Admin). */
@IntegrationTest
class PasswordPolicyTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void deleteUsers() {
        created.forEach(identity::deleteUser);
    }

    ResponseEntity<String> asAdmin(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("admin", Demo.PASSWORD).exchange(path, method, new HttpEntity<>(body, headers),
                String.class);
    }

    ResponseEntity<String> create(String id, String password) {
        created.add(id);
        return asAdmin(HttpMethod.POST, "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "测试", "lastName", "用户", "email", id + "@example.org"),
                "credentials", Map.of("password", password)));
    }

    static String newId() {
        return "policy-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aWeakPasswordIsRefusedWith400AndNoUserIsCreated() throws Exception {
        String id = newId();
        ResponseEntity<String> answer = create(id, "password1");

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(answer.getBody()).path("message").asText()).contains("密码不符合密码策略", "至少 10 个字符");
        assertThat(identity.createUserQuery().userId(id).count()).isZero();
    }

    @Test
    void aPasswordHoldingTheUsersOwnIdIsRefused() {
        String id = newId();
        assertThat(create(id, "Xx9!" + id).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aStrongPasswordIsAcceptedAndWorks() {
        String id = newId();
        assertThat(create(id, "Vv5%granite-Orchard").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(identity.checkPassword(id, "Vv5%granite-Orchard")).isTrue();
    }

    @Test
    void aWeakNewPasswordForAnExistingUserIsRefused() {
        String id = newId();
        create(id, "Vv5%granite-Orchard");

        ResponseEntity<String> answer = asAdmin(HttpMethod.PUT, "/engine-rest/user/" + id + "/credentials",
                Map.of("password", "short", "authenticatedUserPassword", Demo.PASSWORD));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(identity.checkPassword(id, "Vv5%granite-Orchard")).isTrue();
    }

    @Test
    void thePolicyIsPublishedForCamundaAdminsPasswordField() throws Exception {
        ResponseEntity<String> answer = asAdmin(HttpMethod.GET, "/engine-rest/identity/password-policy", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : json.readTree(answer.getBody()).path("rules")) {
            rules.add(rule.path("placeholder").asText() + rule.path("parameter").toString());
        }
        assertThat(rules).containsExactlyInAnyOrder("PASSWORD_POLICY_USER_DATAnull",
                "PASSWORD_POLICY_LENGTH{\"minLength\":\"10\"}", "PASSWORD_POLICY_LOWERCASE{\"minLowerCase\":\"1\"}",
                "PASSWORD_POLICY_UPPERCASE{\"minUpperCase\":\"1\"}", "PASSWORD_POLICY_DIGIT{\"minDigit\":\"1\"}",
                "PASSWORD_POLICY_SPECIAL{\"minSpecial\":\"1\"}");
    }

    @Test
    void theDemoUsersAreTheOneExceptionToThePolicy() {
        assertThat(identity.checkPasswordAgainstPolicy(Demo.PASSWORD).isValid()).isFalse();
        assertThat(identity.checkPassword(Demo.CLERK1, Demo.PASSWORD)).as("loaded without the policy").isTrue();
    }
}
