package org.doudi.cases;

/**
 * Where a case stands. The process decides the order; the case refuses a change that does not
 * follow from its current status.
 */
public enum CaseStatus {
    /** 已申请: waiting for the township to accept (受理) the application. */
    SUBMITTED("待受理", false),
    /** 调查核实: data verification (信息核对) and home visit (入户调查). */
    INVESTIGATION("调查核实中", false),
    /** 乡镇初审: waiting for the township's preliminary opinion. */
    TOWNSHIP_REVIEW("乡镇初审", false),
    /** 公示中: the 7-day public notice in the village. */
    PUBLIC_NOTICE("公示中", false),
    /** 异议处理: an objection raised during the notice is being handled. */
    OBJECTION_REVIEW("异议处理中", false),
    /** 审核确认: waiting for the decision (by the county, or by the township when delegated). */
    COUNTY_DECISION("审核确认", false),
    /** 补办手续: an emergency grant is paid; the township completes the paperwork afterwards. */
    PAPERWORK("补办手续中", false),
    /** 已批准: enrolled, benefit from the month after the decision. */
    APPROVED("已批准", true),
    /** 不予批准: refused, with a written notice of the reasons. */
    REJECTED("不予批准", true),
    /** 不予受理: the application was not accepted (materials missing, told in one notice). */
    NOT_ACCEPTED("不予受理", true),
    /** 已发放: temporary assistance granted. */
    GRANTED("已发放", true),
    /** 已复核: a review (复核) of an enrolment is decided; the enrolment carries what it decided. */
    REVIEWED("已复核", true);

    private final String label;
    private final boolean terminal;

    CaseStatus(String label, boolean terminal) {
        this.label = label;
        this.terminal = terminal;
    }

    public String label() {
        return label;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
