package org.doudi.enrolment;

/**
 * Where an enrolment (保障对象) stands. The verbs of {@link Enrolment} move it:
 * <pre>
 * ACTIVE ──startReview──▶ UNDER_REVIEW ──continueAfterReview / adjust──▶ ACTIVE
 *                              │──phaseOut──▶ PHASING_OUT ──end(PHASE_OUT_ENDED)──▶ ENDED
 * ACTIVE, UNDER_REVIEW, PHASING_OUT ──suspend──▶ SUSPENDED ──resume──▶ ACTIVE (PHASING_OUT while a gradual exit runs)
 * every status but ENDED ──end──▶ ENDED (final)
 * </pre>
 */
public enum EnrolmentStatus {
    /** 正常保障: paid every month. */
    ACTIVE("正常保障"),
    /** 复核中: a review (复核) runs; paid meanwhile. */
    UNDER_REVIEW("复核中"),
    /** 渐退期: income rose above the line; paid (at the county's share) until the period runs out. */
    PHASING_OUT("渐退期"),
    /** 暂停发放: not paid from {@code suspendedFrom} on, until resumed or ended. */
    SUSPENDED("暂停发放"),
    /** 停止保障: ended for good; its people may apply again. */
    ENDED("停止保障");

    private final String label;

    EnrolmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
