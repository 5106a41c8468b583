package org.doudi.documents;

import java.util.Optional;

import org.doudi.cases.DecisionStage;
import org.springframework.stereotype.Component;

/** 受理通知书: the township has accepted the application; what happens next. */
@Component
class AcceptanceNotice implements NoticeTemplate {

    @Override
    public DocumentKind kind() {
        return DocumentKind.ACCEPTANCE_NOTICE;
    }

    @Override
    public Optional<String> whyNotAvailable(CaseFile f) {
        return accepted(f).isPresent() ? Optional.empty()
                : Optional.of("案件 " + f.caseNumber() + " 尚未受理，没有受理通知书");
    }

    private static Optional<CaseFile.Decision> accepted(CaseFile f) {
        return f.lastDecision(d -> d.is(DecisionStage.ACCEPTANCE, "accepted"));
    }

    @Override
    public Notice write(CaseFile f) {
        CaseFile.Decision d = accepted(f).orElseThrow();
        String authority = Wording.townshipAuthority(f);
        Notice.Builder b = new Notice.Builder(Wording.programme(f) + "申请受理通知书", f.caseNumber());
        b.paragraph(f.applicantName() + "：");
        b.paragraph("你于" + Wording.date(f.submittedAt()) + "提出的" + Wording.programme(f) + "申请，经审查，申请材料齐全，"
                + "符合受理条件，本机关已于" + Wording.date(d.at()) + "予以受理。");
        b.paragraph(nextSteps(f));
        Wording.caseFields(b, f)
                .field("申请事由", f.reason())
                .field("申请日期", Wording.date(f.submittedAt()))
                .field("受理日期", Wording.date(d.at()))
                .field("受理人", Staff.of(d.actorName(), d.actor()));
        if (f.requestedAmount() != null) {
            b.field("申请救助金额", Wording.money(f.requestedAmount()));
        }
        return b.issuedBy(authority, Wording.day(d.at()));
    }

    private static String nextSteps(CaseFile f) {
        if (f.isTemporary() && "EMERGENCY".equals(f.temporaryKind())) {
            return "对情况紧急的，本机关将依规先行救助，事后补办相关手续。请你如实提供家庭情况并配合核实。";
        }
        if (f.isTemporary()) {
            return "本机关将依规组织调查核实，县级民政部门将进行信息核对，并按规定审核、审批。请你如实提供家庭情况并配合核实。";
        }
        return "本机关将依法组织家庭经济状况调查（含入户调查），县级民政部门将进行信息核对，调查结果将按规定审核并公示。"
                + "请你和共同生活的家庭成员如实提供情况、配合调查；家庭人口、收入、财产状况发生变化的，请及时告知本机关。";
    }
}
