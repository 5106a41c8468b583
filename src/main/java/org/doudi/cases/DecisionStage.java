package org.doudi.cases;

/** Who decided what in a case. */
public enum DecisionStage {
    /** 受理: accepted or not. */
    ACCEPTANCE,
    /** 初审: the township's preliminary opinion. */
    TOWNSHIP_REVIEW,
    /** 异议处理: an objection upheld or not. */
    OBJECTION,
    /** 审核确认: the decision, by the county or (delegated) the township. */
    DECISION,
    /** 抽查: the county's spot check. */
    SPOT_CHECK
}
