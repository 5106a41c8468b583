package org.doudi.enrolment;

/** Why an enrolment ended (停止保障), recorded with the last month paid. */
public enum EndReason {
    /** 死亡. */
    DEATH("死亡"),
    /** 迁出本县. */
    MOVED_AWAY("迁出"),
    /** 收入超过低保标准 (after a review, without or after the gradual exit). */
    INCOME_ABOVE_LINE("收入超过标准"),
    /** 拒不配合核查. */
    REFUSES_VERIFICATION("拒不配合核查"),
    /** 骗取保障: the amount overpaid since the change is recovered. */
    FRAUD("骗取保障"),
    /** The gradual exit (渐退期) ran out. */
    PHASE_OUT_ENDED("渐退期满"),
    /** 其他. */
    OTHER("其他");

    private final String label;

    EndReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
