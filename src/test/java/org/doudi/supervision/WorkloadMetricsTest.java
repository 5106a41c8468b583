package org.doudi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Open and overdue tasks per region and step, and escalations fired, on /actuator/prometheus. */
@IntegrationTest
class WorkloadMetricsTest {

    @Autowired
    CaseDriver driver;
    @Autowired
    WorkloadMetrics metrics;
    @Autowired
    TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void prometheusShowsOpenAndOverdueTasksAndEscalations() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-03-02T10:00:00").atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant()));
        String n = driver.submit(CASEWORKER9, CaseDriver.dibao(VILLAGE_B1, 2)).caseNumber();
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-03-06T10:00:00").atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant()));
        driver.fireDueTimers(n);
        metrics.refresh();

        ResponseEntity<String> r = http.withBasicAuth("admin", PASSWORD).getForEntity("/actuator/prometheus",
                String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody())
                .containsPattern("doudi_tasks_open\\{county=\"130104\",step=\"Task_AcceptApplication\",township=\"130104200\"} [1-9]")
                .containsPattern("doudi_tasks_overdue\\{county=\"130104\",step=\"Task_AcceptApplication\",township=\"130104200\"} [1-9]")
                .containsPattern("doudi_escalations_total\\{level=\"1\",step=\"Task_AcceptApplication\"} [1-9]");
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
