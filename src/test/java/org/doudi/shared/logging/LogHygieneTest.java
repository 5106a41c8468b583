package org.doudi.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the running application writes to its console (where Spring Boot's console appender, and so
 * our masking layout, writes), for the requests that used to leak personal data or flood the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest {

    /** A full ID or mobile number: 17 digits and a check character, or 1[3-9] and nine more, standing alone. */
    private static final Pattern FULL_ID = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern FULL_MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver driver;

    ResponseEntity<String> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    @Test
    void racingIdenticalApplicationsLeaveNoResidentIdOrPhoneNumberInTheLog(CapturedOutput output) throws Exception {
        String id = ResidentIds.ofAge(40);
        String phone = "13912345678";
        Map<String, Object> body = Map.of("programme", "DIBAO", "villageCode", VILLAGE_A1,
                "applicant", Map.of("name", "张三", "idNumber", id, "phone", phone),
                "members", List.of(Map.of("name", "李四", "idNumber", ResidentIds.ofAge(39), "relation", "SPOUSE")),
                "reason", "因病致贫");
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return post(CASEWORKER1, "/api/applications", body);
            }));
        }
        start.countDown();
        String caseNumber = null;
        for (Future<ResponseEntity<String>> f : results) {
            ResponseEntity<String> r = f.get();
            if (r.getStatusCode() == HttpStatus.CREATED) {
                caseNumber = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.getBody())
                        .path("caseNumber").asText();
            } else {
                assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            }
        }
        pool.shutdown();

        // A refused completion of the new case, with a value that must not be logged either.
        String taskId = driver.task(caseNumber, "Task_AcceptApplication").getId();
        ResponseEntity<String> refused = post(CASEWORKER1, "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("accepted", Map.of("value", "申请人电话" + phone))));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        String log = output.getAll();
        assertThat(log).contains(caseNumber);
        assertThat(log).doesNotContain(id).doesNotContain(phone);
        assertThat(matches(FULL_ID, log)).as("full ID numbers in the log").isEmpty();
        assertThat(matches(FULL_MOBILE, log)).as("full mobile numbers in the log").isEmpty();
        // The race was refused by the database's unique key, and its message (masked) was logged.
        assertThat(log).contains(id.substring(0, 6) + "********" + id.substring(14));
    }

    @Test
    void aRefusedCompletionLogsOneWarningWithCaseTaskAndFieldsAndNoStackTrace(CapturedOutput output) {
        String caseNumber = driver.submit(CASEWORKER1, CaseDriver.dibao(VILLAGE_A1, 2)).caseNumber();
        String taskId = driver.task(caseNumber, "Task_AcceptApplication").getId();
        int before = output.getAll().length();

        ResponseEntity<String> refused = post(CASEWORKER1, "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("accepted", Map.of("value", "也许-xyzzy"))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("accepted");
        List<String> lines = Arrays.stream(output.getAll().substring(before).split("\\R"))
                .filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("everything logged for one refused completion").hasSize(1);
        String warning = lines.get(0);
        assertThat(warning).contains(" WARN ", caseNumber, "Task_AcceptApplication", "accepted", CASEWORKER1)
                .doesNotContain("xyzzy");
        assertThat(lines).noneMatch(l -> l.contains("at org.") || l.contains(" ERROR "));
        assertThat(driver.task(caseNumber, "Task_AcceptApplication").getId()).as("the task stays open")
                .isEqualTo(taskId);
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 60);
            found.add(text.substring(from, Math.min(text.length(), m.end() + 20)));
        }
        return found;
    }
}
