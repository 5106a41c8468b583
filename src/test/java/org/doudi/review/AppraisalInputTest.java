package org.doudi.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.doudi.shared.FieldViolation;
import org.doudi.shared.FormDates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a 民主评议 record must hold: the day it was held (a real day, not after today, not before the
 * application), who took part, and a result of 通过 or 不通过; the number of participants and notes are
 * optional. Application on 2026-03-02, today 2026-03-10.
 */
class AppraisalInputTest {

    private static final LocalDate APPLIED = LocalDate.parse("2026-03-02");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");

    @ParameterizedTest(name = "[{index}] heldOn={0} participants={1} count={2} result={3} → {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "2026-03-09 | 村民代表 7 人 | 7    | 通过   | ok      | 通过",
            "2026-03-10 | 张三、李四   | null | 不通过 | ok      | 不通过",
            "2026-03-02 | 张三         | null | passed | ok      | 通过",
            "2026-03-05 | 张三         | null | FAILED | ok      | 不通过",
            "2026-03-11 | 张三         | null | 通过   | refused | heldOn",
            "2026-03-01 | 张三         | null | 通过   | refused | heldOn",
            "2026-02-30 | 张三         | null | 通过   | refused | heldOn",
            "03/09/2026 | 张三         | null | 通过   | refused | heldOn",
            "null       | 张三         | null | 通过   | refused | heldOn",
            "2026-03-09 | null         | null | 通过   | refused | participants",
            "2026-03-09 | '  '         | null | 通过   | refused | participants",
            "2026-03-09 | 张三         | 0    | 通过   | refused | participantCount",
            "2026-03-09 | 张三         | abc  | 通过   | refused | participantCount",
            "2026-03-09 | 张三         | null | 也许   | refused | result",
            "2026-03-09 | 张三         | null | null   | refused | result",
    })
    void readsAnAppraisal(String heldOn, String participants, String count, String result, String outcome,
            String expected) {
        List<FieldViolation> problems = new ArrayList<>();
        AppraisalInput in = AppraisalInput.read(heldOn, participants, count, result, "同意 6 票，不同意 1 票",
                AppraisalInput.Names.API, APPLIED, TODAY, problems);
        if (outcome.equals("ok")) {
            assertThat(problems).isEmpty();
            assertThat(in.result()).isEqualTo(expected);
            assertThat(in.heldOn()).isEqualTo(LocalDate.parse(heldOn));
        } else {
            assertThat(in).isNull();
            assertThat(problems).extracting(FieldViolation::field).containsExactly(expected);
            assertThat(AppraisalInput.labelled(problems).get(0).message()).startsWith("「");
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "null", value = {
            "2026-12-07, 2026-12-07",
            "2026-12-07T00:00:00.000+0800, 2026-12-07", // the engine REST API's date format
            "2026-12-06T16:30:00Z, 2026-12-07", // half past midnight in Beijing
            "2026-12-07T08:00:00+08:00, 2026-12-07",
            "2026-12-07T08:00:00, 2026-12-07",
            "7.12.2026, null",
            "'', null",
    })
    void readsDaysAsFormsSendThem(String given, String day) {
        assertThat(FormDates.parse(given).map(LocalDate::toString).orElse(null)).isEqualTo(day);
    }
}
