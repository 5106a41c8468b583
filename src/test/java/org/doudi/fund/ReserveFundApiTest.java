package org.doudi.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.TaskService;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.TestTownships;
import org.doudi.test.TestTownships.Township;
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

/** The reserve funds over HTTP, and fifty grants at once against a fund that covers ten. */
@IntegrationTest
class ReserveFundApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver driver;
    @Autowired
    TestTownships townships;
    @Autowired
    TaskService tasks;

    private final ObjectMapper json = new ObjectMapper();

    ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    JsonNode fund(String user, String township) throws Exception {
        ResponseEntity<String> r = http.withBasicAuth(user, PASSWORD).getForEntity("/api/funds/" + township,
                String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    @Test
    void theTownshipAndItsCountySeeTheFundAndOnlyTheCountyReplenishesIt() throws Exception {
        JsonNode a1 = fund(CASEWORKER1, TOWNSHIP_A1);
        assertThat(a1.path("townshipCap").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(a1.path("balance").decimalValue()).isEqualByComparingTo(a1.path("ledgerSum").decimalValue());
        assertThat(a1.path("entries").get(a1.path("entries").size() - 1).path("kind").asText())
                .isEqualTo("REPLENISHMENT");
        assertThat(http.withBasicAuth(CASEWORKER2, PASSWORD).getForEntity("/api/funds/" + TOWNSHIP_A1, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fund(REVIEWER9, TOWNSHIP_B1).path("townshipCap").decimalValue()).isEqualByComparingTo("2400.00");

        Township t = townships.withFund("100.00");
        assertThat(post(t.caseworker(), "/api/funds/" + t.code() + "/replenishments", Map.of("amount", 500))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(REVIEWER9, "/api/funds/" + t.code() + "/replenishments", Map.of("amount", 500))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> bad = post(REVIEWER1, "/api/funds/" + t.code() + "/replenishments",
                Map.of("amount", -5));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("amount");
        ResponseEntity<String> ok = post(REVIEWER1, "/api/funds/" + t.code() + "/replenishments",
                Map.of("amount", 500.25, "note", "追加"));
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(ok.getBody()).path("balance").decimalValue()).isEqualByComparingTo("600.25");
        assertThat(fund(REVIEWER1, t.code()).path("ledgerSum").decimalValue()).isEqualByComparingTo("600.25");
    }

    @Test
    void aReversalReturnsAGrantOnce() throws Exception {
        Township t = townships.withFund("3000.00");
        String n = driver.submit(t.caseworker(), CaseDriver.temporary(t.village(), "EMERGENCY", "FIRE", null))
                .caseNumber();
        driver.accept(t.caseworker(), n);
        driver.complete(t.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 1200));
        assertThat(fund(REVIEWER1, t.code()).path("balance").decimalValue()).isEqualByComparingTo("1800.00");

        assertThat(post(REVIEWER1, "/api/funds/" + t.code() + "/reversals", Map.of("caseNumber", n, "note", "重复发放"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(REVIEWER1, "/api/funds/" + t.code() + "/reversals", Map.of("caseNumber", n))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode f = fund(REVIEWER1, t.code());
        assertThat(f.path("balance").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(f.path("ledgerSum").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(f.path("entries").get(0).path("kind").asText()).isEqualTo("REVERSAL");
    }

    @Test
    void fiftyGrantsAtOnceAgainstAFundThatCoversTenNeverOverdrawIt() throws Exception {
        Township t = townships.withFund("10000.00");
        int n = 50;
        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String caseNumber = driver.submit(t.caseworker(), CaseDriver.temporary(t.village(), "EMERGENCY",
                    "NATURAL_DISASTER", null)).caseNumber();
            driver.accept(t.caseworker(), caseNumber);
            taskIds.add(driver.task(caseNumber, "Task_EmergencyGrant").getId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> results = new ArrayList<>();
        for (String taskId : taskIds) {
            results.add(pool.submit(() -> {
                start.await();
                Map<String, Object> variables = new HashMap<>();
                variables.put("grantAmount", Map.of("value", 1000));
                return post(t.caseworker(), "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
            }));
        }
        start.countDown();
        int granted = 0;
        int refused = 0;
        for (Future<ResponseEntity<String>> f : results) {
            ResponseEntity<String> r = f.get();
            if (r.getStatusCode() == HttpStatus.NO_CONTENT) {
                granted++;
            } else {
                assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(r.getBody()).contains("备用金余额不足");
                refused++;
            }
        }
        pool.shutdown();

        assertThat(granted).isEqualTo(10);
        assertThat(refused).isEqualTo(40);
        JsonNode f = fund(REVIEWER1, t.code());
        assertThat(f.path("balance").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(f.path("ledgerSum").decimalValue()).isEqualByComparingTo("0.00");
        List<String> kinds = f.path("entries").findValuesAsText("kind");
        assertThat(kinds).filteredOn("GRANT"::equals).hasSize(10);
        assertThat(tasks.createTaskQuery().taskIdIn(taskIds.toArray(String[]::new)).count()).isEqualTo(40);
    }
}
