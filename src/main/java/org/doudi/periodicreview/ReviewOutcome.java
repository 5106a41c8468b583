package org.doudi.periodicreview;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a review decides (the values of {@code reviewOpinion} and {@code reviewDecision}). */
public enum ReviewOutcome {
    /** 继续保障: eligible at the same amount. */
    CONTINUE("continue", "继续保障（金额不变）"),
    /** 调整保障金: eligible at the amount the review computed, from the next month. */
    ADJUST("adjust", "调整保障金"),
    /** 渐退: income above the line; paid on for the county's gradual-exit months, then ended. */
    PHASE_OUT("phase-out", "渐退（渐退期满停止保障）"),
    /** 暂停发放: from the next month, until reviewed again or resumed. */
    SUSPEND("suspend", "暂停发放"),
    /** 停止保障: from the next month, with its reason (and an overpayment to recover). */
    STOP("stop", "停止保障");

    /** The form values. */
    public static final Set<String> VALUES = Arrays.stream(values()).map(ReviewOutcome::value)
            .collect(Collectors.toUnmodifiableSet());

    private final String value;
    private final String label;

    ReviewOutcome(String value, String label) {
        this.value = value;
        this.label = label;
    }

    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    public static Optional<ReviewOutcome> of(String value) {
        return Arrays.stream(values()).filter(o -> o.value.equals(value)).findFirst();
    }
}
