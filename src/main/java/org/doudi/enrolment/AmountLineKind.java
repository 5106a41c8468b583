package org.doudi.enrolment;

/** The kinds of line a monthly amount is the sum of. */
public enum AmountLineKind {
    /** 补差 (低保: the shortfall, or the standard for each 单人户 member) or the 特困 standards: what the approval granted. */
    BASE("基本保障金"),
    /** 分类施保: an elderly member. */
    ELDERLY("老年人分类施保"),
    /** 分类施保: a member under 18. */
    MINOR("未成年人分类施保"),
    /** 分类施保: a member with a grade 1–2 disability. */
    SEVERE_DISABILITY("重度残疾人分类施保"),
    /** 分类施保: a seriously ill member. */
    SERIOUS_ILLNESS("重病患者分类施保");

    private final String label;

    AmountLineKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
