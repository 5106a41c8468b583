package org.doudi.cases;

/** The steps a case's timeline records, with the words staff know them by. */
public enum TimelineStep {
    SUBMITTED("提交申请"),
    ACCEPTANCE("受理"),
    NOT_ACCEPTED_NOTICE("不予受理告知（一次性告知）"),
    DATA_VERIFICATION("信息核对"),
    INVESTIGATION_STARTED("入户调查开始"),
    HOME_VISIT("入户调查"),
    PROCEDURE_EXTENDED("办理时限延长"),
    INCOME_ASSESSMENT("收入核算与条件判定"),
    TOWNSHIP_REVIEW("乡镇初审"),
    PUBLIC_NOTICE_STARTED("公示开始"),
    OBJECTION_RECEIVED("收到异议"),
    OBJECTION_HANDLED("异议处理"),
    PUBLIC_NOTICE_WITHDRAWN("原公示终止"),
    APPRAISAL("民主评议"),
    PUBLIC_NOTICE_ENDED("公示期满"),
    SPOT_CHECK_SELECTION("抽查选取"),
    SPOT_CHECK("抽查"),
    DECISION("审核确认"),
    ENROLMENT("纳入保障"),
    REJECTION_NOTICE("不予批准告知"),
    REJECTION_NOTICE_DELIVERED("送达不予批准告知书"),
    GRANT("临时救助发放"),
    PAPERWORK("补办手续"),
    FOLLOW_UP("跟进回访"),
    LINKED_CASE("关联案件"),
    REFERRAL("转介扶贫部门"),
    REFERRAL_ANSWERED("扶贫部门答复"),
    ESCALATION("超期督办"),
    NEAR_RELATIVE("近亲属备案"),
    AUTHORISATION("核对授权书"),
    VERIFICATION_RESULT_NOTICE("核对结果告知"),
    VERIFICATION_OBJECTION("核对结果异议"),
    REVIEW_STARTED("复核启动"),
    REVIEW_OPINION("乡镇复核意见"),
    REVIEW_DECISION("复核决定"),
    REVIEW_NOTICE("复核决定通知"),
    PHASE_OUT_ENDED("渐退期满停止保障");

    private final String label;

    TimelineStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
