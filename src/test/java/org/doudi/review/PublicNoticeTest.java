package org.doudi.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.doudi.cases.PublicNotice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicNoticeTest {

    @ParameterizedTest(name = "posted {0} → ends {1}")
    @CsvSource({
            // 7 calendar days, the day of posting not counted, ending at midnight China Standard Time
            "2024-09-20, 2024-09-27T16:00:00Z",
            "2024-09-27, 2024-10-04T16:00:00Z", // over National Day: calendar days, not working days
            "2025-12-28, 2026-01-04T16:00:00Z",
    })
    void runsSevenCalendarDaysAfterThePostingDay(LocalDate posted, Instant ends) {
        assertThat(PublicNotice.endOfNoticePostedOn(posted)).isEqualTo(ends);
    }
}
