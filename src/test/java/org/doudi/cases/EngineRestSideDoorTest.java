package org.doudi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.test.CaseDriver;
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

/**
 * The requests of the issue, sent to {@code /engine-rest} by an operator (whom the REST filter lets
 * through): the engine itself answers 400 with the reason, and nothing changes.
 */
@IntegrationTest
class EngineRestSideDoorTest {

    private static final String OPERATOR = "admin";

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver driver;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CaseRepository cases;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ResponseEntity<String> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(OPERATOR, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    @Test
    void aStartBeforeTheCountyGrantWithAnotherCasesNumberIsABadRequest() {
        String n = driver.submit(CASEWORKER9, CaseDriver.temporary(VILLAGE_B1, "EMERGENCY", "FIRE", null)).caseNumber();
        ResponseEntity<String> r = post("/engine-rest/process-definition/key/TemporaryAssistance/start", Map.of(
                "businessKey", n,
                "variables", Map.of("approvedAmount", Map.of("value", 999_999.99)),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_GrantFromCounty")),
                "skipCustomListeners", true, "skipIoMappings", true));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains(n).contains("已有办理流程");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).count()).isEqualTo(1);
        assertThat(driver.status(n)).isEqualTo(CaseStatus.SUBMITTED);
    }

    @Test
    void endingANoticeEarlyByModificationIsABadRequest() {
        String n = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        driver.investigate(n, homeVisit(600, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", null);
        String pi = cases.require(n).processInstanceId();
        ResponseEntity<String> r = post("/engine-rest/process-instance/" + pi + "/modification", Map.of(
                "skipCustomListeners", true, "skipIoMappings", true,
                "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_EndPublicNotice"))));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("不能提前结束");
        assertThat(driver.status(n)).isEqualTo(CaseStatus.PUBLIC_NOTICE);
    }
}
