package org.doudi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calendar corrections stay: a correction over the API survives a restart (the loader runs again over
 * the shipped and dropped-in files); a file replaces it only when it is newer, by publication date or
 * revision. Years 2031–2033 are used so that no other test's dates move.
 */
@IntegrationTest
class CalendarVersionsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    ObjectMapper json;

    ResponseEntity<String> put(String path, Object body) {
        return http.withBasicAuth("admin", PASSWORD).exchange(path, HttpMethod.PUT, new HttpEntity<>(body),
                String.class);
    }

    static Map<String, Object> schedule(int year, String source, List<String> holidays, String published,
            Integer revision) {
        Map<String, Object> m = new HashMap<>(Map.of("year", year, "source", source, "holidays", holidays,
                "workdays", List.of()));
        if (published != null) {
            m.put("published", published);
        }
        if (revision != null) {
            m.put("revision", revision);
        }
        return m;
    }

    /** Whether a file replaces the version held, by the rule: publication date first, then revision. */
    @ParameterizedTest(name = "held published {0} rev {1}, file published {2} rev {3}: newer = {4}")
    @CsvSource({
            ",           0, ,           0, false", // the same shipped file again
            ",           0, ,           1, true",  // a corrected file of the same notice
            ",           0, 2030-11-01, 0, true",  // a dated file over an undated one
            "2030-11-01, 0, ,           5, false", // an undated file never over a dated version (an API correction)
            "2030-11-01, 0, 2030-11-01, 0, false",
            "2030-11-01, 0, 2030-11-01, 1, true",
            "2030-11-01, 3, 2030-12-01, 0, true",  // published later
            "2030-12-01, 0, 2030-11-01, 9, false", // published earlier
    })
    void aFileIsNewerByPublicationDateThenRevision(LocalDate heldPublished, int heldRevision, LocalDate filePublished,
            Integer fileRevision, boolean newer) {
        CalendarYear held = new CalendarYear("CN", 2031, 1, heldPublished, heldRevision, "{}", "x", "x", null);
        HolidaySchedule file = new HolidaySchedule(2031, "x", List.of(), List.of(), null, filePublished, fileRevision);
        assertThat(WorkingDayCalendar.newer(file, held)).isEqualTo(newer);
    }

    @Test
    void aCorrectionOverTheApiSurvivesARestartAndANewerFileReplacesIt() throws Exception {
        Path dir = Files.createTempDirectory("doudi-calendar");
        LocalDate labourDay = LocalDate.of(2031, 5, 2); // a Friday
        LocalDate corrected = LocalDate.of(2031, 5, 6); // a Tuesday
        // the first version arrives as a file, without a publication date (as the shipped files)
        Files.writeString(dir.resolve("cn-2031.json"), json.writeValueAsString(
                new HolidaySchedule(2031, "通知", List.of("2031-05-01/2031-05-02"), List.of())));
        CalendarLoader loader = new CalendarLoader(calendar, json, dir);
        loader.run(null);
        assertThat(calendar.isWorkingDay(labourDay)).isFalse();
        assertThat(calendar.isWorkingDay(corrected)).isTrue();

        // the administrator corrects it
        ResponseEntity<String> r = put("/api/calendar/2031", schedule(2031, "更正", List.of("2031-05-01/2031-05-06"),
                null, null));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        int version = calendar.versions().get(2031);

        // a restart: the loader reads the shipped and dropped-in files again
        loader.run(null);
        assertThat(calendar.versions().get(2031)).isEqualTo(version);
        assertThat(calendar.isWorkingDay(corrected)).as("the correction is still in force").isFalse();
        assertThat(calendar.schedule(2031)).map(HolidaySchedule::source).contains("更正");

        // a file published after the correction replaces it
        Files.writeString(dir.resolve("cn-2031.json"), json.writeValueAsString(new HolidaySchedule(2031, "新通知",
                List.of("2031-05-01/2031-05-03"), List.of(), null, calendar.today().plusDays(1), null)));
        loader.run(null);
        assertThat(calendar.versions().get(2031)).isEqualTo(version + 1);
        assertThat(calendar.isWorkingDay(corrected)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 5, 3))).isFalse();
    }

    @Test
    void aShippedYearCorrectedOverTheApiStaysCorrectedAtTheNextStart() throws Exception {
        HolidaySchedule shipped = calendar.schedule(2026).orElseThrow();
        // the same days from a corrected notice text: in force from now on, no date moves
        Map<String, Object> correction = Map.of("year", 2026, "source", shipped.source() + "（经核对）",
                "holidays", shipped.holidays(), "workdays", shipped.workdays());
        ResponseEntity<String> r = put("/api/calendar/2026", correction);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        // every open task and procedure timer recomputed with the same days lands where it was
        assertThat(json.readTree(r.getBody()).path("tasksMoved").asInt()).isZero();
        assertThat(json.readTree(r.getBody()).path("timersMoved").asInt()).isZero();
        int version = calendar.versions().get(2026);
        new CalendarLoader(calendar, json, Files.createTempDirectory("empty")).run(null);
        assertThat(calendar.versions().get(2026)).isEqualTo(version);
        assertThat(calendar.schedule(2026)).map(HolidaySchedule::source).contains(shipped.source() + "（经核对）");
    }

    @Test
    void aProvincesOwnDaysAreLoadedApartFromTheNationalOnes() throws Exception {
        Map<String, Object> overlay = schedule(2032, "测试用：某自治区2032年民族节日放假安排（示例）",
                List.of("2032-04-12/2032-04-13"), null, null);
        assertThat(put("/api/calendar/2032?province=4x", overlay).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> r = put("/api/calendar/2032?province=45", overlay);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode answer = json.readTree(r.getBody());
        assertThat(answer.path("region").asText()).isEqualTo("45");
        assertThat(answer.has("tasksMoved")).isTrue();
        assertThat(answer.has("timersMoved")).isTrue();

        LocalDate monday = LocalDate.of(2032, 4, 12);
        assertThat(calendar.isWorkingDay(monday)).as("nationally").isTrue();
        assertThat(calendar.isWorkingDay("450102", monday)).as("in a county of 45").isFalse();
        assertThat(calendar.isWorkingDay("130102", monday)).isTrue();
        assertThat(calendar.plusWorkingDays("450102", LocalDate.of(2032, 4, 9), 1)).isEqualTo("2032-04-14");
        assertThat(calendar.plusWorkingDays("130102", LocalDate.of(2032, 4, 9), 1)).isEqualTo("2032-04-12");
        assertThat(calendar.versions("45")).containsKey(2032);
        assertThat(calendar.versions()).doesNotContainKey(2032);
        assertThat(http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity("/api/calendar/2032?province=45", String.class)
                .getBody()).contains("2032-04-12/2032-04-13").contains("\"region\":\"45\"");

        // a file named for a province in the drop-in folder
        Path dir = Files.createTempDirectory("doudi-calendar");
        Files.writeString(dir.resolve("cn-54-2033.json"), json.writeValueAsString(new HolidaySchedule(2033,
                "测试用：示例", List.of("2033-03-01"), List.of())));
        new CalendarLoader(calendar, json, dir).loadDropIn();
        assertThat(calendar.isWorkingDay("540102", LocalDate.of(2033, 3, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2033, 3, 1))).isTrue();
    }
}
