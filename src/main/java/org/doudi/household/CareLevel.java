package org.doudi.household;

/**
 * 特困 self-care level from the six-activity assessment (eating, dressing, getting in and out of
 * bed, toilet, walking indoors, bathing). Decided by the {@code TekunCareLevel} DMN table.
 */
public enum CareLevel {
    /** 全自理: manages all six. */
    SELF_CARE("全自理"),
    /** 部分丧失: one to three not managed. */
    PARTIAL("部分丧失生活自理能力"),
    /** 完全丧失: four or more not managed. */
    FULL_LOSS("完全丧失生活自理能力");

    private final String label;

    CareLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
