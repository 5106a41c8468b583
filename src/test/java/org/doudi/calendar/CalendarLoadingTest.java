package org.doudi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A new or corrected year is loaded without a rebuild, by the admin API or a dropped-in file. */
@IntegrationTest
class CalendarLoadingTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    ObjectMapper json;

    ResponseEntity<String> put(String user, int year, Object body) {
        return http.withBasicAuth(user, PASSWORD).exchange("/api/calendar/" + year, HttpMethod.PUT,
                new HttpEntity<>(body), String.class);
    }

    @Test
    void administratorsLoadANewYearAsANewVersion() {
        LocalDate nationalDay = LocalDate.of(2027, 10, 4);
        Map<String, Object> schedule = Map.of("year", 2027, "source", "国务院办公厅关于2027年部分节假日安排的通知",
                "holidays", List.of("2027-10-01/2027-10-07"), "workdays", List.of());
        assertThat(put(CASEWORKER1, 2027, schedule).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("admin", 2027, Map.of("year", 2027, "source", "x", "holidays", List.of("2027-10-32"),
                "workdays", List.of())).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(put("admin", 2028, schedule).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<String> loaded = put("admin", 2027, schedule);
        assertThat(loaded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(calendar.isWorkingDay(nationalDay)).isFalse();
        int version = calendar.versions().get(2027);

        Map<String, Object> corrected = Map.of("year", 2027, "source", "更正", "holidays",
                List.of("2027-10-01/2027-10-07"), "workdays", List.of("2027-10-09"));
        assertThat(put("admin", 2027, corrected).getBody()).contains("\"version\":" + (version + 1));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 9))).as("a Saturday made a working day").isTrue();
        assertThat(put("admin", 2027, corrected).getBody()).as("the same again changes nothing")
                .contains("\"version\":" + (version + 1));
        assertThat(http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity("/api/calendar", String.class).getBody())
                .contains("\"2027\":" + (version + 1)).contains("\"2020\":1");
    }

    @Test
    void aFileDroppedInTheCalendarFolderIsLoaded() throws Exception {
        Path dir = Files.createTempDirectory("doudi-calendar");
        Files.writeString(dir.resolve("cn-2029.json"), json.writeValueAsString(new HolidaySchedule(2029, "drop-in",
                List.of("2029-05-01/2029-05-03"), List.of())));
        Files.writeString(dir.resolve("broken.json"), "{ not json");
        int read = new CalendarLoader(calendar, json, dir).loadDropIn();
        assertThat(read).isEqualTo(1);
        assertThat(calendar.isWorkingDay(LocalDate.of(2029, 5, 2))).isFalse();
        assertThat(calendar.schedule(2029)).map(HolidaySchedule::source).contains("drop-in");
    }
}
