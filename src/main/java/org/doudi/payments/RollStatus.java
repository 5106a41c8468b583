package org.doudi.payments;

/** Where a payment roll stands. */
enum RollStatus {
    /** 草稿: generated, regenerated on demand and by the schedule until the county confirms it. */
    DRAFT("草稿"),
    /** 已确认: frozen by the county; the bank pays it; a correction is a supplementary roll. */
    CONFIRMED("已确认");

    private final String label;

    RollStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
