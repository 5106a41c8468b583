package org.doudi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.PASSWORD;
import static org.doudi.test.Demo.REVIEWER9;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.doudi.payments.RollFixture;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicyRepository;
import org.doudi.region.RegionRepository;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestCounties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hotline reports (社会救助热线) reach the right place: a missed person a field check, a wrongly enrolled one the
 * enrolment's review, staff conduct the county — which answers by a due date, is escalated when late, and alone sees
 * the reporter. Bad reports are a Chinese 400 and change nothing.
 */
@IntegrationTest
class HotlineTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestCounties counties;
    @Autowired
    RegionRepository regions;
    @Autowired
    CountyPolicyRepository policies;
    @Autowired
    IdentityService identity;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CaseDriver driver;
    @Autowired
    TaskService tasks;

    final ObjectMapper json = new ObjectMapper();
    RollFixture fixture;
    RollFixture.County c;

    @BeforeEach
    void county() {
        fixture = new RollFixture(jdbc, counties, regions, policies, identity, tx);
        c = fixture.county(AmountRule.EXACT);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    ResponseEntity<String> report(String user, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange("/api/hotline-reports", HttpMethod.POST,
                new HttpEntity<>(body, h), String.class);
    }

    JsonNode created(ResponseEntity<String> r) throws Exception {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(r.getBody());
    }

    int reports() {
        return jdbc.queryForObject("select count(*) from hotline_report where county_code = ?", Integer.class, c.code());
    }

    @Test
    void aMissedPersonGoesToAFieldCheckAndAWronglyEnrolledOneToTheReview() throws Exception {
        String missed = ResidentIds.ofAge(71);
        JsonNode a = created(report(c.caseworker(), "{\"channel\":\"HOTLINE\",\"kind\":\"MISSED\",\"about\":{\"name\":"
                + "\"独居老人\",\"idNumber\":\"" + missed + "\",\"villageCode\":\"" + c.village() + "\"},\"text\":"
                + "\"邻居反映老人独居无收入，未享受低保\",\"reporter\":{\"name\":\"王先生\",\"phone\":\"13800001111\"}}"));
        assertThat(a.path("reportNumber").asText()).matches("RX-\\d{4}-" + c.township() + "-\\d{6}");
        String check = a.path("routedTo").asText();
        assertThat(check).startsWith("MP-");
        assertThat(jdbc.queryForObject("select origin from field_check where check_number = ?", String.class, check))
                .isEqualTo("HOTLINE");
        Task t = driver.task(check, "Task_FieldCheck");
        assertThat((String) tasks.getVariableLocal(t.getId(), "flagReason")).contains(a.path("reportNumber").asText())
                .contains("未享受低保").doesNotContain("13800001111");

        String enrolledId = ResidentIds.ofAge(66);
        RollFixture.Enrolled e = fixture.enrolCovered(c.village(), "在保户", enrolledId);
        JsonNode w = created(report(c.reviewer(), "{\"channel\":\"LETTER\",\"kind\":\"WRONGLY_ENROLLED\",\"about\":"
                + "{\"name\":\"在保户\",\"idNumber\":\"" + enrolledId + "\",\"villageCode\":\"" + c.village() + "\"},"
                + "\"text\":\"家里新买了轿车\"}"));
        assertThat(w.path("routedTo").asText()).startsWith("FH-");
        assertThat(jdbc.queryForObject("select status from enrolment where id = ?", String.class, e.id()))
                .isEqualTo("UNDER_REVIEW");
        // Someone not enrolled cannot be reported as wrongly enrolled: a 400 naming the field, nothing recorded.
        int before = reports();
        ResponseEntity<String> notEnrolled = report(c.reviewer(), "{\"channel\":\"ONLINE\",\"kind\":\"WRONGLY_ENROLLED\","
                + "\"about\":{\"name\":\"某人\",\"idNumber\":\"" + ResidentIds.ofAge(40) + "\",\"villageCode\":\""
                + c.village() + "\"},\"text\":\"x\"}");
        assertThat(notEnrolled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notEnrolled.getBody()).contains("不是保障对象");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void conductGoesToTheCountyWhichAloneSeesTheReporterAnswersAndIsEscalatedWhenLate() throws Exception {
        JsonNode a = created(report(c.caseworker(), "{\"channel\":\"IN_PERSON\",\"kind\":\"CONDUCT\",\"about\":{\"name\":"
                + "\"某村干部\",\"villageCode\":\"" + c.village() + "\"},\"text\":\"村干部优亲厚友\",\"reporter\":{\"phone\":"
                + "\"13900002222\"}}"));
        String number = a.path("reportNumber").asText();
        Task t = driver.task(number, "Task_HandleComplaint");
        assertThat(tasks.getIdentityLinksForTask(t.getId()).stream().map(IdentityLink::getGroupId))
                .containsOnly("county-" + c.code());
        // The task's variables hold the phone masked; the county reads it in full in the report.
        assertThat((String) tasks.getVariableLocal(t.getId(), "reporterContact")).contains("139****2222")
                .doesNotContain("13900002222");

        JsonNode forCounty = json.readTree(http.withBasicAuth(c.reviewer(), PASSWORD).getForObject(
                "/api/hotline-reports/" + number, String.class));
        assertThat(forCounty.path("reporter").path("phone").asText()).isEqualTo("13900002222");
        JsonNode forTownship = json.readTree(http.withBasicAuth(c.caseworker(), PASSWORD).getForObject(
                "/api/hotline-reports/" + number, String.class));
        assertThat(forTownship.has("reporter")).isFalse();
        assertThat(forTownship.path("reporterHidden").asBoolean()).isTrue();
        assertThat(forTownship.toString()).doesNotContain("13900002222");
        assertThat(http.withBasicAuth(REVIEWER9, PASSWORD).getForEntity("/api/hotline-reports/" + number, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ClockUtil.setCurrentTime(Date.from(t.getDueDate().toInstant().plusSeconds(60)));
        assertThat(driver.fireDueTimers(number)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from escalation where task_id = ? and subject_number = ?"
                + " and group_id = ?", Integer.class, t.getId(), number, "supervisor-county-" + c.code())).isEqualTo(1);
        ClockUtil.reset();

        driver.complete(c.reviewer(), number, "Task_HandleComplaint", Map.of("complaintFindings", "经核实，确有优亲厚友，已责令整改",
                "answerToReporter", "已电话答复反映人"));
        Map<String, Object> row = jdbc.queryForMap("select status, answer from hotline_report where report_number = ?",
                number);
        assertThat(row.values()).contains("ANSWERED", "已电话答复反映人");
        assertThat(json.readTree(http.withBasicAuth(c.reviewer(), PASSWORD).getForObject("/api/hotline-reports/"
                + number, String.class)).path("answeredAt").asText()).isNotBlank();
    }

    @Test
    void theReportsAreListedForTheRegionWithoutTheReporterAndAsAWorkbook() throws Exception {
        String id = ResidentIds.ofAge(66);
        String missed = created(report(c.caseworker(), "{\"channel\":\"LETTER\",\"kind\":\"MISSED\",\"about\":{"
                + "\"name\":\"列表甲\",\"idNumber\":\"" + id + "\",\"villageCode\":\"" + c.village() + "\"},\"text\":"
                + "\"来信反映其无收入，来信人电话 13700003333\",\"reporter\":{\"name\":\"李女士\",\"phone\":\"13700003333\"}}"))
                .path("reportNumber").asText();
        String conduct = created(report(c.caseworker(), "{\"channel\":\"HOTLINE\",\"kind\":\"CONDUCT\",\"about\":{"
                + "\"name\":\"某干部\",\"villageCode\":\"" + c.village() + "\"},\"text\":\"态度生硬\"}"))
                .path("reportNumber").asText();

        JsonNode all = json.readTree(http.withBasicAuth(c.reviewer(), PASSWORD).getForObject("/api/hotline-reports"
                + "?region=" + c.code(), String.class));
        assertThat(all.path("total").asInt()).isEqualTo(2);
        assertThat(all.path("items").get(0).path("reportNumber").asText()).isEqualTo(conduct); // newest first
        JsonNode first = all.path("items").get(1);
        assertThat(first.path("reportNumber").asText()).isEqualTo(missed);
        assertThat(first.path("statusLabel").asText()).isEqualTo("已转办（摸排核查或复核）");
        assertThat(first.path("aboutIdNumberMasked").asText()).contains("********");
        assertThat(all.toString()).doesNotContain(id).doesNotContain("13700003333").doesNotContain("李女士");

        JsonNode open = json.readTree(http.withBasicAuth(c.caseworker(), PASSWORD).getForObject("/api/hotline-reports"
                + "?status=open&kind=CONDUCT", String.class));
        assertThat(open.path("items")).hasSize(1);
        assertThat(open.path("items").get(0).path("reportNumber").asText()).isEqualTo(conduct);

        ResponseEntity<byte[]> xlsx = http.withBasicAuth(c.reviewer(), PASSWORD).getForEntity("/api/hotline-reports"
                + "?region=" + c.code() + "&format=xlsx", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                xlsx.getBody()))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("热线反映");
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("反映编号");
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }

        ResponseEntity<String> bad = http.withBasicAuth(c.reviewer(), PASSWORD).getForEntity("/api/hotline-reports"
                + "?status=LOST&kind=X", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("「状态」").contains("「反映类型」");
        assertThat(http.withBasicAuth(REVIEWER9, PASSWORD).getForEntity("/api/hotline-reports?region=" + c.code(),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void badReportsAreRefusedInChineseAndChangeNothing() {
        int before = reports();
        ResponseEntity<String> r = report(c.caseworker(), "{\"channel\":\"FAX\",\"kind\":\"MISSED\",\"about\":{\"name\":\"\","
                + "\"villageCode\":\"999999999999\"},\"text\":\"\",\"reporter\":{\"phone\":\"abc\"}}");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("来源渠道").contains("被反映人姓名").contains("身份证号").contains("村（社区）代码")
                .contains("反映内容").contains("反映人电话");
        assertThat(report(c.caseworker(), "{\"kind\":\"OTHER\",\"about\":{\"name\":\"x\",\"villageCode\":\"" + c.village()
                + "\"},\"text\":\"x\",\"extra\":1}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(report(REVIEWER9, "{\"channel\":\"HOTLINE\",\"kind\":\"OTHER\",\"about\":{\"name\":\"x\",\"villageCode\":\""
                + c.village() + "\"},\"text\":\"x\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(reports()).isEqualTo(before);
        assertThat(Instant.now()).isNotNull();
    }
}
