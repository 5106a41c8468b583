package org.doudi.enrolment;

/**
 * How often an enrolled household is reviewed (复核), as classified when it was enrolled or last reviewed;
 * the intervals are the county's ({@code review_months_stable}, {@code review_months_changing}).
 */
public enum ReviewClass {
    /**
     * 基本稳定: every covered member is elderly (by the county's age), severely disabled (grade 1–2) or
     * seriously ill, and no member is able to work; reviewed yearly as a rule.
     */
    STABLE("收入基本稳定"),
    /** 收入变动: any other household (income that changes, members able to work); every six months as a rule. */
    CHANGING("收入有变动");

    private final String label;

    ReviewClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
