package org.doudi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.doudi.test.Demo.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.DoudiApplication;
import org.doudi.cases.CaseIntake;
import org.doudi.cases.CaseQueries;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.region.StaffScope;
import org.doudi.test.CaseDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo clock on an application of its own, with the job executor running, on a database of its
 * own (the engine clock is JVM-wide, so the shared test context keeps its executor off): moving the
 * clock lets the public notice end by itself, survives a restart, is for camunda-admin only, and does
 * not exist without demo mode.
 */
@Tag("slow")
class DemoClockTest {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        for (ConfigurableApplicationContext node : nodes) {
            if (node.isActive() && node.containsBean("demoClock")) {
                // The database outlives the test on MySQL: leave its clock where a new run expects it.
                node.getBean(JdbcTemplate.class).update("delete from demo_clock");
            }
            node.close();
        }
        ClockUtil.reset();
    }

    /** The test database of this run (H2 in memory, or the MySQL of -Pmysql), with a schema of its own. */
    static String databaseUrl(String suffix) {
        String profiles = System.getProperty("spring.profiles.active", "test");
        if (!profiles.contains("mysql")) {
            return "jdbc:h2:mem:doudi-" + suffix + ";LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
        }
        String url = System.getenv().getOrDefault("DB_URL", "jdbc:mysql://127.0.0.1:3306/doudi_test"
                + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&createDatabaseIfNotExist=true");
        String withDatabase = url.replaceFirst("(jdbc:mysql://[^/]+/)([^?]+)", "$1$2_" + suffix);
        return withDatabase.contains("createDatabaseIfNotExist") ? withDatabase
                : withDatabase + (withDatabase.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
    }

    private ConfigurableApplicationContext node(String database, boolean demo, boolean jobExecutor) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(DoudiApplication.class)
                .profiles(System.getProperty("spring.profiles.active", "test").split(","))
                .run("--spring.datasource.url=" + databaseUrl(database),
                        "--server.port=0",
                        // The Camunda webapps keep JVM-wide state; a second set would take over the suite's.
                        "--camunda.bpm.webapp.enabled=false",
                        "--camunda.bpm.process-engine-name=" + database.replace("-", ""),
                        "--doudi.demo=" + demo,
                        "--camunda.bpm.job-execution.enabled=" + jobExecutor,
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=1000",
                        "--doudi.metrics.refresh-millis=600000");
        nodes.add(node);
        return node;
    }

    private static TestRestTemplate http(ConfigurableApplicationContext node, String user) {
        String port = node.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port))
                .withBasicAuth(user, PASSWORD);
    }

    private static ResponseEntity<String> send(ConfigurableApplicationContext node, String user, HttpMethod method,
            Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http(node, user).exchange("/api/demo/clock", method, new HttpEntity<>(body, headers), String.class);
    }

    private static <T> T as(ConfigurableApplicationContext node, String user, Supplier<T> action) {
        IdentityService identity = node.getBean(IdentityService.class);
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList());
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static void complete(ConfigurableApplicationContext node, String user, String caseNumber, String taskKey,
            Map<String, Object> variables) {
        TaskService tasks = node.getBean(TaskService.class);
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .singleResult().getId();
        as(node, user, () -> {
            tasks.complete(taskId, variables);
            return null;
        });
    }

    private static boolean hasTask(ConfigurableApplicationContext node, String caseNumber, String taskKey) {
        return node.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(taskKey).count() == 1;
    }

    @Test
    void movingTheClockEightDaysEndsTheNoticeByItselfAndSurvivesARestart() throws Exception {
        ConfigurableApplicationContext node = node("clock", true, true);
        Duration movedBefore = Duration.parse(json.readTree(send(node, "admin", HttpMethod.GET, null).getBody())
                .path("moved").asText());

        String n = as(node, CASEWORKER1,
                () -> node.getBean(CaseIntake.class).submit(CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber());
        complete(node, CASEWORKER1, n, "Task_AcceptApplication", Map.of("accepted", true));
        await().atMost(Duration.ofSeconds(60)).until(() -> hasTask(node, n, "Task_HomeVisit")); // verification job
        complete(node, CASEWORKER1, n, "Task_HomeVisit", new HashMap<>(CaseDriver.homeVisit(600, 0)));
        complete(node, CASEWORKER1, n, "Task_TownshipReview", Map.of("townshipDecision", "approve"));
        CaseRepository cases = node.getBean(CaseRepository.class);
        assertThat(cases.require(n).status()).isEqualTo(CaseStatus.PUBLIC_NOTICE);
        Instant noticeEnds = cases.require(n).noticeEndsAt();

        assertThat(send(node, CASEWORKER1, HttpMethod.POST, Map.of("advance", "P8D")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> moved = send(node, "admin", HttpMethod.POST, Map.of("advance", "P8D"));
        assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.OK);
        Instant now = Instant.parse(json.readTree(moved.getBody()).path("now").asText());
        assertThat(now).isAfter(noticeEnds).isAfter(Instant.now().plus(Duration.ofDays(8)).minusSeconds(60));

        // The job executor acquires the notice's timer by itself; the decision lands in the county's inbox.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> hasTask(node, n, "Task_CountyDecision"));
        assertThat(cases.require(n).status()).isEqualTo(CaseStatus.COUNTY_DECISION);
        assertThat(node.getBean(CaseQueries.class).details(n, StaffScope.of(List.of(StaffScope.ADMIN_GROUP)))
                .timeline()).filteredOn(e -> e.step().name().equals("PUBLIC_NOTICE_ENDED"))
                .extracting(e -> e.actor()).containsExactly("system");

        JsonNode state = json.readTree(send(node, CASEWORKER1, HttpMethod.GET, null).getBody());
        Duration total = movedBefore.plus(Duration.ofDays(8));
        assertThat(Duration.parse(state.path("moved").asText())).isEqualTo(total);
        assertThat(state.path("moved").asText()).isEqualTo(DemoClock.format(total));

        // Nothing but a positive, sensible ISO-8601 duration moves it.
        for (String bad : List.of("-P1D", "PT0S", "P400D", "P1M", "eight days")) {
            ResponseEntity<String> refused = send(node, "admin", HttpMethod.POST, Map.of("advance", bad));
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(refused.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("advance");
        }
        assertThat(Duration.parse(json.readTree(send(node, "admin", HttpMethod.GET, null).getBody())
                .path("moved").asText())).isEqualTo(total);

        // A restart restores the offset: the clock does not travel back.
        node.close();
        ClockUtil.reset();
        ConfigurableApplicationContext again = node("clock", true, false);
        JsonNode restored = json.readTree(send(again, "admin", HttpMethod.GET, null).getBody());
        assertThat(Duration.parse(restored.path("moved").asText())).isEqualTo(total);
        assertThat(Instant.parse(restored.path("now").asText())).isAfter(now);
    }

    @Test
    void withoutDemoModeTheClockDoesNotExist() {
        ConfigurableApplicationContext node = node("nodemo", false, false);
        IdentityService identity = node.getBean(IdentityService.class);
        if (identity.createGroupQuery().groupId(StaffScope.ADMIN_GROUP).count() == 0) {
            Group admins = identity.newGroup(StaffScope.ADMIN_GROUP);
            admins.setType("SYSTEM");
            identity.saveGroup(admins);
        }
        if (identity.createUserQuery().userId("ops").count() == 0) {
            User ops = identity.newUser("ops");
            ops.setPassword(PASSWORD);
            // Like the demo accounts, below the password policy (only the engine's implementation can skip it).
            ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(ops, true);
            identity.createMembership("ops", StaffScope.ADMIN_GROUP);
        }
        assertThat(node.containsBean("demoClock")).isFalse();
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
            ResponseEntity<String> r = send(node, "ops", method, method == HttpMethod.POST ? Map.of("advance", "P8D") : null);
            assertThat(r.getStatusCode()).as(method + " " + r.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(r.getHeaders().getContentType()).isNotNull();
            assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        }
        assertThat(ClockUtil.getCurrentTime().toInstant()).isBefore(Instant.now().plusSeconds(60));
    }
}
