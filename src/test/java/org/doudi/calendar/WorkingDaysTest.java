package org.doudi.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The shipped schedules 2020–2026 and working-day arithmetic, against the worked examples of the rules. */
class WorkingDaysTest {

    static WorkingDays days;
    static List<HolidaySchedule> schedules = new ArrayList<>();

    @BeforeAll
    static void loadShippedSchedules() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.json")) {
            try (InputStream in = r.getInputStream()) {
                schedules.add(json.readValue(in, HolidaySchedule.class));
            }
        }
        days = WorkingDays.of(schedules);
    }

    @Test
    void everyYearFrom2020To2026IsShippedAndSound() {
        assertThat(schedules).extracting(HolidaySchedule::year).containsExactlyInAnyOrder(2020, 2021, 2022, 2023,
                2024, 2025, 2026);
        for (HolidaySchedule s : schedules) {
            assertThat(s.problem()).as("schedule " + s.year()).isNull();
            assertThat(s.makeUpDays()).as("make-up days of " + s.year() + " fall on weekends")
                    .allMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        }
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // the worked examples of domain.md (the start day not counted)
            "2024-09-20, 3,  2024-09-25",
            "2024-09-20, 30, 2024-11-06",
            "2024-09-27, 1,  2024-09-29", // a Sunday make-up working day
            "2025-01-20, 30, 2025-03-07",
            // Spring Festival of every year
            "2020-01-23, 1,  2020-02-03", // extended to 2 Feb; the 1 Feb make-up day cancelled (COVID)
            "2021-02-10, 1,  2021-02-18",
            "2022-01-28, 1,  2022-01-29", // Saturday make-up day
            "2022-01-30, 1,  2022-02-07",
            "2023-01-20, 1,  2023-01-28",
            "2024-02-09, 1,  2024-02-18",
            "2025-01-27, 1,  2025-02-05",
            "2026-02-13, 1,  2026-02-14",
            "2026-02-14, 1,  2026-02-24",
            "2026-02-13, 10, 2026-03-05",
            // National Day of every year
            "2020-09-30, 1,  2020-10-09",
            "2021-09-30, 1,  2021-10-08",
            "2022-09-30, 1,  2022-10-08",
            "2023-09-28, 1,  2023-10-07",
            "2024-09-30, 1,  2024-10-08",
            "2024-09-30, 10, 2024-10-18",
            "2025-09-30, 1,  2025-10-09",
            "2026-09-30, 1,  2026-10-08",
            // no working day asked: the day itself
            "2024-10-03, 0,  2024-10-03",
    })
    void countsWorkingDaysAfterTheStartDay(LocalDate start, int n, LocalDate expected) {
        assertThat(days.plus(start, n)).isEqualTo(expected);
        if (n > 0) {
            assertThat(days.between(start, expected)).isEqualTo(n);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-02-01", "2024-02-12", "2025-10-08", "2026-01-02", "2026-06-19"})
    void holidaysAndTheCancelledMakeUpDayAreNotWorkingDays(LocalDate day) {
        assertThat(days.isWorkingDay(day)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-01-19", "2024-02-04", "2025-09-28", "2026-01-04", "2026-10-10"})
    void makeUpDaysAreWorkingDays(LocalDate day) {
        assertThat(days.isWorkingDay(day)).isTrue();
    }

    @Test
    void aYearWithoutScheduleCountsWeekdays() {
        assertThat(days.plus(LocalDate.of(2027, 10, 1), 1)).isEqualTo(LocalDate.of(2027, 10, 4));
    }

    @Test
    void aScheduleWithOverlapsOrForeignDatesIsRefused() {
        assertThat(new HolidaySchedule(2027, "test", List.of("2027-10-01/2027-10-07"), List.of("2027-10-03"))
                .problem()).contains("both");
        assertThat(new HolidaySchedule(2027, "test", List.of("2028-01-01"), List.of()).problem()).contains("not in");
        assertThat(new HolidaySchedule(2027, "test", List.of("2027-13-01"), List.of()).problem()).contains("not a date");
        assertThat(new HolidaySchedule(2027, "test", java.util.Arrays.asList((String) null), List.of()).problem())
                .contains("empty");
        assertThatThrownBy(() -> days.plus(LocalDate.of(2024, 1, 1), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
