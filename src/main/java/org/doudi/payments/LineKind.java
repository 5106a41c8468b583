package org.doudi.payments;

/** Why a line's amount differs from the enrolment's monthly amount, or that it does not. */
enum LineKind {
    /** 全额: the monthly amount in force that month. */
    FULL("全额"),
    /**
     * 首月折算: the first month of a county that pays from the day after the approval, in proportion to the days
     * covered (the enrolment's since_date is not the 1st).
     */
    PRORATED("首月按日折算"),
    /** 渐退期: the gradual exit, paid at the county's share of the monthly amount. */
    PHASE_OUT("渐退期");

    private final String label;

    LineKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static String labelOf(String name) {
        try {
            return valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
