package org.doudi.shared;

import java.util.Map;

/** The Chinese labels of the form fields, so that a refused submission names them as the form does. */
public final class FieldLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("kind", "救助类型"),
            Map.entry("accepted", "受理意见"),
            Map.entry("missingMaterials", "需补齐的全部材料"),
            Map.entry("authorisedMembers", "已签署核对授权书的成年家庭成员"),
            Map.entry("authorisationReference", "核对授权书存档编号"),
            Map.entry("wageIncome", "工资性收入"),
            Map.entry("employmentCost", "必要就业成本"),
            Map.entry("businessIncome", "经营净收入"),
            Map.entry("propertyIncome", "财产净收入"),
            Map.entry("transferIncome", "转移净收入"),
            Map.entry("excludedIncome", "不计入家庭收入的款项"),
            Map.entry("rigidExpense", "因残因病刚性支出"),
            Map.entry("assetsWithinLimit", "家庭财产状况"),
            Map.entry("visitNotes", "入户调查情况"),
            Map.entry("hasAbleSupporter", "有具备能力的法定义务人"),
            Map.entry("wantsCentralisedCare", "集中供养意愿"),
            Map.entry("applicantAbleToWork", "申请人劳动能力认定"),
            Map.entry("ableToWorkReason", "劳动能力认定理由"),
            Map.entry("townshipDecision", "初审意见"),
            Map.entry("townshipOpinion", "初审意见说明"),
            Map.entry("specialCircumstance", "特殊情况"),
            Map.entry("specialCircumstanceReason", "特殊情况说明"),
            Map.entry("referToPovertyOffice", "转介扶贫部门"),
            Map.entry("objectionUpheld", "异议是否成立"),
            Map.entry("objectionFindings", "调查或评议情况"),
            Map.entry("countyDecision", "审核确认意见"),
            Map.entry("countyOpinion", "审核意见"),
            Map.entry("approvedAmount", "批准救助金额"),
            Map.entry("spotCheckResult", "抽查结论"),
            Map.entry("spotCheckNotes", "抽查情况"),
            Map.entry("grantAmount", "救助金额"),
            Map.entry("paperworkComplete", "手续是否已补齐"),
            Map.entry("paperworkNotes", "情况说明"),
            Map.entry("stillInDifficulty", "家庭生活是否仍然困难"),
            Map.entry("followUpNotes", "回访情况"),
            Map.entry("referralOutcome", "办理结果"),
            Map.entry("measures", "帮扶措施或理由"),
            Map.entry("appraisalHeldOn", "民主评议日期"),
            Map.entry("appraisalParticipants", "参加评议人员"),
            Map.entry("appraisalParticipantCount", "参加人数"),
            Map.entry("appraisalResult", "评议结果"),
            Map.entry("appraisalNotes", "评议情况"),
            Map.entry("noticeDeliveredOn", "送达日期"),
            Map.entry("deliveryMethod", "送达方式"),
            Map.entry("deliveryNotes", "送达情况说明"));

    private FieldLabels() {
    }

    /** The label of a field, or {@code null} when it has none. */
    public static String of(String field) {
        return LABELS.get(field);
    }
}
