package org.doudi.documents;

import java.util.Optional;

import org.doudi.cases.DecisionStage;
import org.doudi.cases.TimelineStep;
import org.springframework.stereotype.Component;

/**
 * 临时救助审批表: a temporary-assistance case on one sheet: the application (cause, kind, amount
 * requested), the township's opinion, the approval (by whom, how much), and the payment (reserve fund or
 * county funds).
 */
@Component
class TemporaryApproval implements NoticeTemplate {

    @Override
    public DocumentKind kind() {
        return DocumentKind.TEMPORARY_APPROVAL;
    }

    @Override
    public Optional<String> whyNotAvailable(CaseFile f) {
        if (!f.isTemporary()) {
            return Optional.of("案件 " + f.caseNumber() + " 不是临时救助案件，没有临时救助审批表");
        }
        if (f.grant() == null && approval(f).isEmpty()) {
            return Optional.of("案件 " + f.caseNumber() + " 尚未审批，没有临时救助审批表");
        }
        return Optional.empty();
    }

    /** The approving body's decision: the township's emergency grant or the county's decision. */
    private static Optional<CaseFile.Decision> approval(CaseFile f) {
        return f.lastDecision(d -> d.stage() == DecisionStage.DECISION);
    }

    static String outcome(String outcome) {
        return switch (outcome) {
            case "approve" -> "同意";
            case "granted" -> "同意，先行救助";
            case "reject" -> "不同意";
            case "return" -> "退回乡镇（街道）";
            case "over_cap" -> "超出乡镇审批额度，报县级审批";
            case "submitted_to_county" -> "报县级审批";
            default -> outcome;
        };
    }

    @Override
    public Notice write(CaseFile f) {
        CaseFile.Decision d = approval(f).orElse(null);
        CaseFile.Grant g = f.grant();
        boolean reserve = g != null && g.fromReserveFund();
        String authority = reserve ? Wording.townshipAuthority(f) : Wording.decidingAuthority(f);
        Notice.Builder b = new Notice.Builder("临时救助审批表", f.caseNumber());
        b.heading("一、申请情况");
        Wording.caseFields(b, f)
                .field("救助方式", "EMERGENCY".equals(f.temporaryKind()) ? "先行救助，事后补办手续" : "按程序审核审批")
                .field("救助事由", f.causeLabel())
                .field("申请理由", f.reason())
                .field("申请救助金额", f.requestedAmount() == null ? "未填写" : Wording.money(f.requestedAmount()))
                .field("申请日期", Wording.date(f.submittedAt()))
                .field("受理日期", Wording.date(f.acceptedAt()));
        b.heading("二、乡镇（街道）审核意见");
        f.lastDecision(t -> t.stage() == DecisionStage.TOWNSHIP_REVIEW).ifPresentOrElse(t -> b
                .field("审核结果", outcome(t.outcome()))
                .field("拟救助金额", t.amount() == null ? "—" : Wording.money(t.amount()))
                .field("审核意见", t.opinion())
                .field("审核人", Staff.of(t.actorName(), t.actor()))
                .field("审核日期", Wording.date(t.at())),
                () -> b.field("审核结果", reserve ? "急难型，乡镇（街道）审批额度内先行救助" : "—"));
        b.heading("三、审批意见");
        if (d != null) {
            b.field("审批结果", outcome(d.outcome()))
                    .field("批准金额", d.amount() == null ? "—" : Wording.money(d.amount()))
                    .field("审批意见", d.opinion())
                    .field("审批人", Staff.of(d.actorName(), d.actor()))
                    .field("审批机关", reserve ? Wording.townshipAuthority(f) : Wording.decidingAuthority(f))
                    .field("审批日期", Wording.date(d.at()));
        }
        b.heading("四、发放情况");
        if (g != null) {
            b.field("发放金额", Wording.money(g.amount()))
                    .field("资金来源", g.fromReserveFund() ? "乡镇（街道）临时救助备用金（先行救助）" : "县级临时救助资金")
                    .field("发放经办人", Staff.of(g.grantedByName(), g.grantedBy()))
                    .field("发放日期", Wording.date(g.at()));
            if ("EMERGENCY".equals(f.temporaryKind())) {
                b.field("补办手续", f.lastStep(TimelineStep.PAPERWORK)
                        .map(s -> "complete".equals(s.outcome()) ? "已补办（" + Wording.date(s.at()) + "）" : "尚未补齐")
                        .orElse("待补办"));
            }
        } else {
            b.field("发放金额", "未发放");
        }
        return b.issuedBy(authority, Wording.day(g != null ? g.at() : d.at()));
    }
}
