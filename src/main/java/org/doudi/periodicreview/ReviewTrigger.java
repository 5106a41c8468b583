package org.doudi.periodicreview;

/** What started a review (复核); the {@code trigger} of {@code PeriodicReview} in the contract. */
public enum ReviewTrigger {
    /** 定期复核: the enrolment's next review fell due (the daily schedule). */
    SCHEDULED("定期复核"),
    /** 情况变化: a village clerk or the township reported a change. */
    CHANGE("家庭情况变化"),
    /** 回头看: county staff selected it in a campaign. */
    CAMPAIGN("回头看专项复核"),
    /** 监测预警: a warning of the monitoring (suspected wrong enrolment). */
    MONITORING("监测预警");

    private final String label;

    ReviewTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
