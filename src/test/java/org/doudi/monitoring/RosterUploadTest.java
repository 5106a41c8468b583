package org.doudi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rosters uploaded over {@code POST /api/rosters} as CSV and XLSX: valid rows load (15-digit legacy IDs converted, an
 * {@code x} upper-cased), invalid ones are listed with line, field and reason, a person twice is loaded once, the same
 * batch again loads nothing and answers as the first time, a batch is withdrawn; bad uploads are a Chinese 400 and
 * change nothing, staff other than the county's a 403.
 */
@IntegrationTest
class RosterUploadTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    ResponseEntity<String> upload(String user, String batch, String source, String fileName, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        if (source != null) {
            form.add("source", source);
        }
        if (batch != null) {
            form.add("batch", batch);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, PASSWORD).exchange("/api/rosters", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }

    static String batch() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    int rowsOf(String batch) {
        return jdbc.queryForObject("select count(*) from roster_person p join roster_batch b on b.id = p.batch_id"
                + " where b.batch = ?", Integer.class, batch);
    }

    /** A number whose check character is X. */
    static String endingInX() {
        for (int s = 1;; s++) {
            String id = ResidentIds.of("130102", LocalDate.of(1961, 8, 1), s);
            if (id.endsWith("X")) {
                return id;
            }
        }
    }

    /** A first-generation (15-digit) number of a person born in the 1900s: area, YYMMDD, sequence. */
    static String legacy(String eighteen) {
        return eighteen.substring(0, 6) + eighteen.substring(8, 17);
    }

    @Test
    void aCsvLoadsItsValidRowsListsTheOthersAndLoadsNothingTwice() throws Exception {
        String adult = ResidentIds.ofAge(40);
        String old = ResidentIds.of("130102", LocalDate.of(1950, 3, 7), 12);
        String withX = endingInX();
        String other = ResidentIds.ofAge(30);
        String csv = "\uFEFFidNumber,name,villageCode,category,amount,disabilityGrade,seriousIllness,date,note\n"
                + adult + ",张三," + VILLAGE_A1 + ",一级残疾,1200.50,1,是,2026-03-01,\n"                 // 2 ok
                + legacy(old) + ",李四," + VILLAGE_A1_WEST + ",,,,,,旧证号\n"                              // 3 ok (15)
                + withX.toLowerCase() + ",王五," + VILLAGE_A2 + ",,,,否,,\n"                                // 4 ok
                + ResidentIds.withBadChecksum(other) + ",赵六," + VILLAGE_A1 + ",,,,,,\n"                   // 5 checksum
                + other + ",钱七,999999999999,,,,,,\n"                                                      // 6 village
                + other + ",孙八," + VILLAGE_B1 + ",,,,,,\n"                                                 // 7 county B
                + other + ",," + VILLAGE_A1 + ",,-5,7,也许,03/2026,\n"                                     // 8 many
                + adult + ",张三," + VILLAGE_A1 + ",一级残疾,,,,,\n";                                        // 9 twice
        String batch = batch();
        ResponseEntity<String> r = upload(REVIEWER1, batch, "DISABILITY", "残联.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode a = json.readTree(r.getBody());
        assertThat(a.path("batch").asText()).isEqualTo(batch);
        assertThat(a.path("source").asText()).isEqualTo("DISABILITY");
        assertThat(a.path("rows").asInt()).isEqualTo(8);
        assertThat(a.path("imported").asInt()).isEqualTo(3);
        assertThat(a.path("rejectedTotal").asInt()).isEqualTo(5);
        List<String> rejected = new ArrayList<>();
        a.path("rejected").forEach(x -> rejected.add(x.path("line").asInt() + ":" + x.path("field").asText()));
        assertThat(rejected).containsExactly("5:idNumber", "6:villageCode", "7:villageCode", "8:name", "8:amount",
                "8:disabilityGrade", "8:seriousIllness", "8:date", "9:idNumber");
        assertThat(a.path("rejected").toString()).contains("校验码", "不是您辖区内的村", "与本批次前面一行重复");
        assertThat(r.getBody()).doesNotContain(ResidentIds.withBadChecksum(other));

        assertThat(jdbc.queryForList("select p.id_number from roster_person p join roster_batch b on b.id = p.batch_id"
                + " where b.batch = ? order by p.line", String.class, batch)).containsExactly(adult, old, withX);
        assertThat(jdbc.queryForObject("select p.amount from roster_person p join roster_batch b on b.id = p.batch_id"
                + " where b.batch = ? and p.line = 2", java.math.BigDecimal.class, batch)).isEqualByComparingTo("1200.50");

        // the same batch again: the first answer, nothing loaded twice
        ResponseEntity<String> again = upload(REVIEWER1, batch, "DISABILITY", "残联.csv",
                (csv + other + ",新增," + VILLAGE_A1 + ",,,,,,\n").getBytes(StandardCharsets.UTF_8));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(again.getBody())).isEqualTo(a);
        assertThat(rowsOf(batch)).isEqualTo(3);

        // withdrawn: its rows go, once
        ResponseEntity<String> w = http.withBasicAuth(REVIEWER1, PASSWORD).exchange("/api/rosters/" + batch,
                HttpMethod.DELETE, null, String.class);
        assertThat(w.getStatusCode()).as(w.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(w.getBody()).path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(rowsOf(batch)).isZero();
        assertThat(http.withBasicAuth(REVIEWER1, PASSWORD).exchange("/api/rosters/" + batch, HttpMethod.DELETE, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.withBasicAuth(REVIEWER9, PASSWORD).exchange("/api/rosters/" + batch(), HttpMethod.DELETE,
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anXlsxWithChineseHeadersLoadsLikeACsv() throws Exception {
        String a = ResidentIds.ofAge(50);
        String b = ResidentIds.ofAge(20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("名单");
            String[][] rows = { { "公民身份号码", "姓名", "村代码", "人均收入" }, { a, "周一", VILLAGE_A1, "320.5" },
                    { b, "吴二", VILLAGE_A1, "abc" } };
            for (int i = 0; i < rows.length; i++) {
                var row = sheet.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    row.createCell(j).setCellValue(rows[i][j]);
                }
            }
            book.write(out);
        }
        String batch = batch();
        ResponseEntity<String> r = upload(REVIEWER1, batch, "poverty_monitoring", "monitoring.xlsx", out.toByteArray());
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode answer = json.readTree(r.getBody());
        assertThat(answer.path("imported").asInt()).isEqualTo(1);
        assertThat(answer.path("rejected").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(answer.path("rejected").get(0).path("field").asText()).isEqualTo("perCapitaIncome");
        assertThat(rowsOf(batch)).isEqualTo(1);
    }

    @Test
    void badUploadsAreRefusedInChineseAndLoadNothing() throws Exception {
        byte[] ok = ("idNumber,name,villageCode\n" + ResidentIds.ofAge(33) + ",甲," + VILLAGE_A1 + "\n")
                .getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> caseworker = upload(CASEWORKER1, batch(), "DEATH", "a.csv", ok);
        assertThat(caseworker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> source = upload(REVIEWER1, batch(), "GOSSIP", "a.csv", ok);
        assertThat(source.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(source.getBody()).contains("名单来源");
        ResponseEntity<String> noBatch = upload(REVIEWER1, null, "DEATH", "a.csv", ok);
        assertThat(noBatch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noBatch.getBody()).contains("批次号");

        String missing = batch();
        ResponseEntity<String> header = upload(REVIEWER1, missing, "DEATH", "a.csv",
                ("idNumber,name\n" + ResidentIds.ofAge(33) + ",甲\n").getBytes(StandardCharsets.UTF_8));
        assertThat(header.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(header.getBody()).contains("缺少必填的列", "villageCode");
        String unknown = batch();
        ResponseEntity<String> column = upload(REVIEWER1, unknown, "DEATH", "a.csv",
                ("idNumber,name,villageCode,salary\n").getBytes(StandardCharsets.UTF_8));
        assertThat(column.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(column.getBody()).contains("未知的列", "salary");
        ResponseEntity<String> notXlsx = upload(REVIEWER1, batch(), "DEATH", "a.xlsx", ok);
        assertThat(notXlsx.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // nothing of a refused upload stays, not even its batch: it may be sent again
        assertThat(jdbc.queryForObject("select count(*) from roster_batch where batch in (?, ?)", Integer.class,
                missing, unknown)).isZero();
        assertThat(upload(REVIEWER1, missing, "DEATH", "a.csv", ok).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aLargeRosterIsStreamedInBatches() throws Exception {
        int n = 5_000;
        StringBuilder csv = new StringBuilder("idNumber,name,villageCode,amount\n");
        for (int i = 0; i < n; i++) {
            csv.append(ResidentIds.of("130102", LocalDate.of(1960, 1, 1).plusDays(i / 900), i % 900 + 1)).append(",名")
                    .append(i).append(',').append(i % 2 == 0 ? VILLAGE_A1 : VILLAGE_A2).append(',').append(i).append(".5\n");
        }
        String batch = batch();
        ResponseEntity<String> r = upload(REVIEWER1, batch, "MEDICAL_EXPENSE", "big.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(r.getBody()).path("imported").asInt()).isEqualTo(n);
        assertThat(rowsOf(batch)).isEqualTo(n);
    }

    @Test
    void aRosterOfManyPeopleOnSeveralLinesKeepsTheirLinesAndDropsOnlyTrueRepeats() throws Exception {
        // 3 000 people on two lines each: 1 800 with two categories (住院 and 门诊: both kept), 1 200 with the same one
        // twice (the second refused) — more repeated IDs than one statement's worth, so the batch is grouped at once.
        StringBuilder csv = new StringBuilder("idNumber,name,villageCode,category,amount\n");
        for (int i = 0; i < 3_000; i++) {
            String id = ResidentIds.of("130102", LocalDate.of(1950, 1, 1).plusDays(i / 900), i % 900 + 1);
            csv.append(id).append(",多行").append(i).append(',').append(VILLAGE_A1).append(",住院,").append(i).append("\n");
            csv.append(id).append(",多行").append(i).append(',').append(VILLAGE_A1).append(',')
                    .append(i < 1_800 ? "门诊" : "住院").append(',').append(i + 1).append("\n");
        }
        String batch = batch();
        ResponseEntity<String> r = upload(REVIEWER1, batch, "MEDICAL_EXPENSE", "multi.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode a = json.readTree(r.getBody());
        assertThat(a.path("imported").asInt()).isEqualTo(4_800);
        assertThat(rowsOf(batch)).isEqualTo(4_800);
        assertThat(a.path("rejectedTotal").asInt()).isEqualTo(1_200);
        assertThat(a.path("rejected").get(0).path("message").asText()).contains("与本批次前面一行重复");
        // The refused lines are the second ones: every person keeps his first line.
        assertThat(jdbc.queryForObject("select count(distinct p.id_number) from roster_person p join roster_batch b"
                + " on b.id = p.batch_id where b.batch = ?", Integer.class, batch)).isEqualTo(3_000);
    }
}
