package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.AdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.TasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.WelcomeRuntimeDelegate;
import org.doudi.region.StaffScope;
import org.doudi.test.ResidentIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The profile {@code ldap} against a county's directory in the test's JVM ({@link InProcessDirectory}, loaded from
 * {@code ldap/county-directory.ldif}): users, passwords and groups come from the directory, Doudi's login rules and
 * the engine's authorizations still hold.
 * <p>
 * Not {@code @IntegrationTest}: another profile means an application context of its own (one more start of the
 * application, ~15–25 s), on an in-memory database of its own ({@code doudi-ldap}, so that the demo data of the
 * other tests' database is not mixed with a directory's). Both applications register their engine under the name
 * {@code default} in Camunda's JVM-wide registry, which the REST API and the webapps look engines up in, and the
 * webapps keep JVM-wide runtime delegates: once this test's application is closed ({@code @DirtiesContext}),
 * {@link CamundaStateHandBack} gives both back to the application that held them before.
 */
@ExtendWith(LdapIdentityTest.CamundaStateHandBack.class) // before @SpringBootTest's extension: its afterAll runs last
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "ldap" })
@DirtiesContext
class LdapIdentityTest {

    static final String CASEWORKER = "zhang.wei";        // township-130102100
    static final String CASEWORKER_PASSWORD = "Township-A1-pass";
    static final String OTHER_CASEWORKER = "liu.yang";   // township-130102101
    static final String OTHER_CASEWORKER_PASSWORD = "Township-A2-pass";
    static final String REVIEWER = "li.na";              // county-130102
    static final String REVIEWER_PASSWORD = "County-A-pass";
    static final String SUPERVISOR = "wang.fang";        // supervisor-county-130102
    static final String SUPERVISOR_PASSWORD = "Supervisor-A-pass";
    static final String OPERATOR = "ops.admin";          // camunda-admin
    static final String OPERATOR_PASSWORD = "Operator-pass";

    static final InProcessDirectory DIRECTORY = InProcessDirectory.start("/ldap/county-directory.ldif");

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        registry.add("doudi.ldap.server-url", DIRECTORY::url);
        registry.add("doudi.ldap.base-dn", () -> InProcessDirectory.BASE_DN);
        registry.add("doudi.ldap.manager-dn", () -> InProcessDirectory.READER_DN);
        registry.add("doudi.ldap.manager-password", () -> InProcessDirectory.READER_PASSWORD);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:doudi-ldap;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stopDirectory() {
        DIRECTORY.close();
    }

    /**
     * Hands back what this class's application took from the JVM-wide state of Camunda, for the other tests' application
     * (if one ran before, it is still cached and used after this class): the engine registered under the name
     * {@code default}, which this application's engine took and, as it closed, removed; and the webapps' runtime
     * delegates (Cockpit, Admin, Tasklist, Welcome), which its webapps replaced as they started and set to
     * {@code null} as they stopped. Runs after the Spring extension has closed the application ({@code @DirtiesContext}).
     */
    static class CamundaStateHandBack implements BeforeAllCallback, AfterAllCallback {

        private ProcessEngine engine;
        private CockpitRuntimeDelegate cockpit;
        private AdminRuntimeDelegate admin;
        private TasklistRuntimeDelegate tasklist;
        private WelcomeRuntimeDelegate welcome;

        @Override
        public void beforeAll(ExtensionContext context) {
            engine = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
            cockpit = Cockpit.getRuntimeDelegate();
            admin = Admin.getRuntimeDelegate();
            tasklist = Tasklist.getRuntimeDelegate();
            welcome = Welcome.getRuntimeDelegate();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (engine != null) {
                ProcessEngines.registerProcessEngine(engine);
            }
            if (cockpit != null) {
                Cockpit.setCockpitRuntimeDelegate(cockpit);
            }
            if (admin != null) {
                Admin.setAdminRuntimeDelegate(admin);
            }
            if (tasklist != null) {
                Tasklist.setTasklistRuntimeDelegate(tasklist);
            }
            if (welcome != null) {
                Welcome.setRuntimeDelegate(welcome);
            }
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    LoginThrottleStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();
    LoginClient client;

    @BeforeEach
    void client() {
        client = new LoginClient(http, identity, throttle, context);
        List.of(CASEWORKER, OTHER_CASEWORKER, REVIEWER, SUPERVISOR, OPERATOR).forEach(client::demoUser);
    }

    @AfterEach
    void cleanUp() {
        client.close();
    }

    @Test
    void apiShowsTheGroupsAndSupervisedRegionsTheDirectoryGives() throws Exception {
        JsonNode supervisor = json.readTree(call(SUPERVISOR, SUPERVISOR_PASSWORD, HttpMethod.GET, "/api/me", null).getBody());
        assertThat(supervisor.path("userId").asText()).isEqualTo(SUPERVISOR);
        assertThat(texts(supervisor.path("groups"))).containsExactlyInAnyOrder("supervisor-county-130102",
                "county-office-staff");
        assertThat(supervisor.path("supervisedRegions")).singleElement().satisfies(r -> {
            assertThat(r.path("code").asText()).isEqualTo("130102");
            assertThat(r.path("name").asText()).isEqualTo("甲县");
        });

        JsonNode caseworker = json.readTree(call(CASEWORKER, CASEWORKER_PASSWORD, HttpMethod.GET, "/api/me", null).getBody());
        assertThat(texts(caseworker.path("groups"))).containsExactlyInAnyOrder("township-130102100",
                "county-office-staff");
        assertThat(caseworker.path("supervisedRegions")).isEmpty();
    }

    @Test
    void theIdentityIsTheDirectorysReadOnlyAndTheEngineHoldsNoUsersOfItsOwn() {
        assertThat(identity.isReadOnly()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER", Long.class)).as("no demo users").isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_ID_GROUP", Long.class)).as("no demo groups").isZero();
        assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactlyInAnyOrder(CASEWORKER,
                OTHER_CASEWORKER, REVIEWER, SUPERVISOR, OPERATOR);
        User caseworker = identity.createUserQuery().userId(CASEWORKER).singleResult();
        assertThat(caseworker.getLastName() + caseworker.getFirstName()).isEqualTo("张伟");
        assertThat(identity.createGroupQuery().groupMember(CASEWORKER).list()).extracting(Group::getId)
                .containsExactlyInAnyOrder("township-130102100", "county-office-staff");
        assertThat(identity.createGroupQuery().groupId("township-130102100").singleResult().getName())
                .isEqualTo("甲县一镇 乡镇经办");

        assertThat(client.api("caseworker1", "demo", LoginClient.LOCAL)).as("the demo users are not loaded")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> create = call(OPERATOR, OPERATOR_PASSWORD, HttpMethod.POST, "/engine-rest/user/create",
                Map.of("profile", Map.of("id", "someone"), "credentials", Map.of("password", "Wq7!zebra-Lantern")));
        assertThat(create.getStatusCode().is2xxSuccessful()).as("nobody creates users: " + create.getBody()).isFalse();
    }

    @Test
    void aWrongPasswordIsRefusedCountedAndLocksTheUserUntilAnOperatorLiftsIt() throws Exception {
        assertThat(client.api(REVIEWER, "County-A-pas", LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(store.find(REVIEWER, null)).singleElement().satisfies(s -> assertThat(s.failures()).isEqualTo(1));
        for (int i = 0; i < 4; i++) {
            assertThat(client.engineRest(REVIEWER, "County-A-pas", LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        int binds = DIRECTORY.binds(InProcessDirectory.userDn(REVIEWER));
        assertThat(client.api(REVIEWER, REVIEWER_PASSWORD, LoginClient.LOCAL)).as("locked: the right password too")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(DIRECTORY.binds(InProcessDirectory.userDn(REVIEWER))).as("a locked user's password is not tried")
                .isEqualTo(binds);
        assertThat(client.events(LoginEvents.Failed.class)).extracting(LoginEvents.Failed::reason).containsExactly(
                "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "LOCKED");
        assertThat(client.events(LoginEvents.Locked.class)).singleElement()
                .satisfies(l -> assertThat(l.key()).isEqualTo("user:" + REVIEWER));

        assertThat(call(CASEWORKER, CASEWORKER_PASSWORD, HttpMethod.DELETE, "/api/login-locks/" + REVIEWER, null)
                .getStatusCode()).as("operators only").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(OPERATOR, OPERATOR_PASSWORD, HttpMethod.DELETE, "/api/login-locks/" + REVIEWER, null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(client.api(REVIEWER, REVIEWER_PASSWORD, LoginClient.LOCAL)).isEqualTo(HttpStatus.OK);

        List<String> trail = new ArrayList<>();
        json.readTree(call(OPERATOR, OPERATOR_PASSWORD, HttpMethod.GET, "/api/audit?actor=" + REVIEWER + "&size=50", null)
                .getBody()).path("items").forEach(e -> trail.add(e.path("action").asText() + " " + e.path("detail").asText()));
        assertThat(trail).contains("login.failed BAD_CREDENTIALS", "login.failed LOCKED");
        JsonNode unlocked = json.readTree(call(OPERATOR, OPERATOR_PASSWORD, HttpMethod.GET,
                "/api/audit?actor=" + OPERATOR + "&size=50", null).getBody()).path("items");
        assertThat(unlocked.findValuesAsText("action")).contains("login.unlocked");
    }

    @Test
    void aUserTheDirectoryDoesNotKnowIsRefusedAndCountsForHisAddress() {
        String address = client.newAddress();
        assertThat(client.api("nobody", "Whatever-1", address)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(client.engineRest("nobody", "Whatever-1", address)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(client.webapp("nobody", "Whatever-1", address)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(client.events(LoginEvents.Failed.class)).extracting(LoginEvents.Failed::reason)
                .containsExactly("UNKNOWN_USER", "UNKNOWN_USER", "UNKNOWN_USER");
        assertThat(store.find(null, address)).singleElement().satisfies(s -> assertThat(s.failures()).isEqualTo(3));
    }

    @Test
    void anEmptyPasswordIsNeverAnAnonymousBind() {
        int binds = DIRECTORY.binds(InProcessDirectory.userDn(CASEWORKER));
        assertThat(client.api(CASEWORKER, "", LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(client.engineRest(CASEWORKER, "", LoginClient.LOCAL)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(DIRECTORY.binds(InProcessDirectory.userDn(CASEWORKER))).isEqualTo(binds);
        assertThat(store.find(CASEWORKER, null)).singleElement().satisfies(s -> assertThat(s.failures()).isEqualTo(2));
    }

    @Test
    void aCaseworkerOfTheDirectoryTakesAnApplicationAndOnlyHisTownshipSeesItsTask() throws Exception {
        ResponseEntity<String> created = call(CASEWORKER, CASEWORKER_PASSWORD, HttpMethod.POST, "/api/applications",
                Map.of("programme", "DIBAO", "villageCode", "130102100201",
                        "applicant", Map.of("name", "张三", "idNumber", ResidentIds.ofAge(45), "phone", "13800000000"),
                        "members", List.of(Map.of("name", "李四", "idNumber", ResidentIds.ofAge(43), "relation", "配偶")),
                        "reason", "因病致贫"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        String n = json.readTree(created.getBody()).path("caseNumber").asText();

        assertThat(tasks(OTHER_CASEWORKER, OTHER_CASEWORKER_PASSWORD, n)).as("another township's inbox").isEmpty();
        assertThat(tasks(REVIEWER, REVIEWER_PASSWORD, n)).as("the county acts later").isEmpty();
        JsonNode accept = tasks(CASEWORKER, CASEWORKER_PASSWORD, n).get(0);
        assertThat(accept.path("taskDefinitionKey").asText()).isEqualTo("Task_AcceptApplication");
        String complete = "/engine-rest/task/" + accept.path("id").asText() + "/complete";
        Map<String, Object> accepted = Map.of("variables", Map.of("accepted", Map.of("value", true)));
        assertThat(call(OTHER_CASEWORKER, OTHER_CASEWORKER_PASSWORD, HttpMethod.POST, complete, accepted).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(call(CASEWORKER, CASEWORKER_PASSWORD, HttpMethod.POST, complete, accepted).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode file = json.readTree(call(CASEWORKER, CASEWORKER_PASSWORD, HttpMethod.GET, "/api/cases/" + n, null)
                .getBody());
        assertThat(file.path("timeline").findValuesAsText("actor")).contains(CASEWORKER);
        assertThat(call(OTHER_CASEWORKER, OTHER_CASEWORKER_PASSWORD, HttpMethod.GET, "/api/cases/" + n, null)
                .getStatusCode()).as("outside his township").isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(client.webapp(CASEWORKER, CASEWORKER_PASSWORD, LoginClient.LOCAL)).as("Tasklist")
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theDirectorysAdministratorGroupAdministersTheEngine() {
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(StaffScope.ADMIN_GROUP)
                .resourceType(Resources.AUTHORIZATION).resourceId("*").count()).isPositive();
        assertThat(call(OPERATOR, OPERATOR_PASSWORD, HttpMethod.GET, "/engine-rest/deployment", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(call(CASEWORKER, CASEWORKER_PASSWORD, HttpMethod.GET, "/engine-rest/deployment", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(OPERATOR, OPERATOR_PASSWORD, HttpMethod.GET, "/api/login-locks", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        client.webappSession("cockpit", OPERATOR, OPERATOR_PASSWORD); // throws unless the login succeeds
    }

    private ResponseEntity<String> call(String user, String password, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private List<JsonNode> tasks(String user, String password, String caseNumber) throws Exception {
        ResponseEntity<String> r = call(user, password, HttpMethod.GET,
                "/engine-rest/task?processInstanceBusinessKey=" + caseNumber, null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        List<JsonNode> tasks = new ArrayList<>();
        json.readTree(r.getBody()).forEach(tasks::add);
        return tasks;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
