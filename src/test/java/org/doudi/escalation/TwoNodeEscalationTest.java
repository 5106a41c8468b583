package org.doudi.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.DoudiApplication;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseIntake;
import org.doudi.test.CaseDriver;
import org.doudi.test.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes with running job executors on one database (its own, for this test): every
 * escalation fires exactly once per task and level, whichever node acquires its timer.
 */
class TwoNodeEscalationTest {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        ClockUtil.reset();
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    /** The test database of this run (H2 in memory, or the MySQL of -Pmysql), with its own schema. */
    static String databaseUrl() {
        String profiles = System.getProperty("spring.profiles.active", "test");
        if (!profiles.contains("mysql")) {
            return "jdbc:h2:mem:doudi-two-nodes;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
        }
        String url = System.getenv().getOrDefault("DB_URL", "jdbc:mysql://127.0.0.1:3306/doudi_test"
                + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&createDatabaseIfNotExist=true");
        String withDatabase = url.replaceFirst("(jdbc:mysql://[^/]+/)([^?]+)", "$1$2_nodes");
        return withDatabase.contains("createDatabaseIfNotExist") ? withDatabase
                : withDatabase + (withDatabase.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
    }

    ConfigurableApplicationContext node(String name) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(DoudiApplication.class)
                .profiles(System.getProperty("spring.profiles.active", "test").split(","))
                .run("--spring.datasource.url=" + databaseUrl(),
                        "--server.port=0",
                        // The Camunda webapps keep JVM-wide state; a second set would take over the suite's.
                        "--camunda.bpm.webapp.enabled=false",
                        "--camunda.bpm.process-engine-name=" + name,
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200",
                        "--camunda.bpm.job-execution.max-wait=500",
                        "--doudi.metrics.refresh-millis=600000");
        nodes.add(node);
        return node;
    }

    @Test
    void eachEscalationFiresExactlyOnceWithTwoNodes() {
        ConfigurableApplicationContext one = node("node1");
        node("node2");
        JdbcTemplate db = one.getBean(JdbcTemplate.class);
        db.update("delete from notification");
        db.update("delete from escalation");

        CaseIntake intake = one.getBean(CaseIntake.class);
        var identity = one.getBean(org.camunda.bpm.engine.IdentityService.class);
        List<String> taskIds = new ArrayList<>();
        identity.setAuthentication(Demo.CASEWORKER1, List.of("township-" + Demo.TOWNSHIP_A1));
        try {
            for (int i = 0; i < 8; i++) {
                AssistanceCase c = intake.submit(CaseDriver.dibao(Demo.VILLAGE_A1, 2));
                taskIds.add(one.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(c.caseNumber())
                        .singleResult().getId());
            }
        } finally {
            identity.clearAuthentication();
        }

        // Both levels of every acceptance task are due three weeks on (3 + 3 working days).
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(21))));
        ManagementService jobs = one.getBean(ManagementService.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String taskId : taskIds) {
                assertThat(jobs.createJobQuery().activityId("Task_AcceptApplication").timers().list())
                        .filteredOn(j -> !j.getDuedate().after(ClockUtil.getCurrentTime())).isEmpty();
            }
            assertThat(db.queryForObject("select count(*) from escalation", Integer.class)).isEqualTo(16);
        });

        for (String taskId : taskIds) {
            assertThat(db.queryForObject("select count(*) from escalation where task_id = ? and level = 'LEVEL_1'",
                    Integer.class, taskId)).isEqualTo(1);
            assertThat(db.queryForObject("select count(*) from escalation where task_id = ? and level = 'LEVEL_2'",
                    Integer.class, taskId)).isEqualTo(1);
            assertThat(db.queryForObject("select count(*) from notification where task_id = ?", Integer.class,
                    taskId)).isEqualTo(2);
        }
        assertThat(jobs.createJobQuery().withException().count()).as("no failed job").isZero();
    }
}
