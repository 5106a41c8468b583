package org.doudi.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.util.List;
import java.util.Map;

import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Register records imported over HTTP are what data verification finds and the home visit checks. */
@IntegrationTest
class RegistryImportTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver driver;
    @Autowired
    RegistryRecordRepository records;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    private final ObjectMapper json = new ObjectMapper();

    ResponseEntity<String> importAs(String user, Object body) {
        return http.withBasicAuth(user, PASSWORD).postForEntity("/api/registry-records", body, String.class);
    }

    @Test
    void importedVehicleIsFoundByDataVerificationAndShownToTheHomeVisit() throws Exception {
        String owner = ResidentIds.ofAge(40);
        ResponseEntity<String> imported = importAs(REVIEWER1, Map.of("batch", "vehicles-2026-11", "records",
                List.of(Map.of("idNumber", owner, "category", "VEHICLE", "description", "小型轿车一辆",
                        "amount", 80000))));
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String n = driver.submit(CASEWORKER1, new org.doudi.cases.ApplicationForm("DIBAO", null, VILLAGE_A1,
                new org.doudi.cases.ApplicationForm.Applicant("车主", owner, null), List.of(), "困难", null))
                .caseNumber();
        driver.accept(n);
        driver.runDataVerification(n);
        Object shownOnTheForm = taskService.getVariable(driver.task(n, "Task_HomeVisit").getId(),
                "verificationFindings");
        assertThat(shownOnTheForm.toString()).contains("车辆").contains("小型轿车一辆").contains("80,000.00 元");
        JsonNode c = json.readTree(http.withBasicAuth(CASEWORKER1, PASSWORD)
                .getForEntity("/api/cases/" + n, String.class).getBody());
        JsonNode found = c.path("details").path("verificationFindings");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("category").asText()).isEqualTo("VEHICLE");
        assertThat(found.get(0).path("description").asText()).isEqualTo("小型轿车一辆");
    }

    @Test
    void aBatchWithABadRecordIsRefusedWhole() throws Exception {
        long before = records.count();
        ResponseEntity<String> r = importAs(REVIEWER1, Map.of("batch", "x", "records", List.of(
                Map.of("idNumber", ResidentIds.ofAge(30), "category", "REAL_ESTATE", "description", "住房"),
                Map.of("idNumber", ResidentIds.withBadChecksum(ResidentIds.ofAge(30)), "category", "BOAT",
                        "description", "船"))));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> fields = json.readTree(r.getBody()).path("errors").findValuesAsText("field");
        assertThat(fields).containsExactly("records[1].idNumber", "records[1].category");
        assertThat(records.count()).isEqualTo(before);
    }

    @Test
    void onlyCountyStaffImport() {
        ResponseEntity<String> r = importAs(CASEWORKER1, Map.of("batch", "x", "records", List.of(
                Map.of("idNumber", ResidentIds.ofAge(30), "category", "VEHICLE", "description", "车"))));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
