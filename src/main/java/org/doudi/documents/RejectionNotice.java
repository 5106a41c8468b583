package org.doudi.documents;

import java.util.Optional;

import org.doudi.cases.DecisionStage;
import org.doudi.cases.Programme;
import org.doudi.cases.TimelineStep;
import org.springframework.stereotype.Component;

/**
 * 不予确认 / 不予批准告知书: the refusal by the township's preliminary review or by the decision, with its
 * reasons as recorded, delivered through the township, and the applicant's remedies.
 */
@Component
class RejectionNotice implements NoticeTemplate {

    @Override
    public DocumentKind kind() {
        return DocumentKind.REJECTION_NOTICE;
    }

    @Override
    public Optional<String> whyNotAvailable(CaseFile f) {
        return rejection(f).isPresent() ? Optional.empty()
                : Optional.of("案件 " + f.caseNumber() + " 没有不予" + refusedWord(f) + "的决定，没有不予" + refusedWord(f)
                        + "告知书");
    }

    /** The refusal: a township opinion against, or a decision against. */
    private static Optional<CaseFile.Decision> rejection(CaseFile f) {
        return f.lastDecision(d -> "reject".equals(d.outcome())
                && (d.stage() == DecisionStage.TOWNSHIP_REVIEW || d.stage() == DecisionStage.DECISION));
    }

    /** 确认 for 低保 and 特困 (审核确认), 批准 for temporary assistance (审批). */
    static String refusedWord(CaseFile f) {
        return f.programme() == Programme.TEMPORARY ? "批准" : "确认";
    }

    @Override
    public Notice write(CaseFile f) {
        CaseFile.Decision d = rejection(f).orElseThrow();
        boolean byTownship = d.stage() == DecisionStage.TOWNSHIP_REVIEW;
        String authority = byTownship ? Wording.townshipAuthority(f) : Wording.decidingAuthority(f);
        String word = refusedWord(f);
        Notice.Builder b = new Notice.Builder(Wording.programme(f) + "不予" + word + "告知书", f.caseNumber());
        b.paragraph(f.applicantName() + "：");
        b.paragraph("你于" + Wording.date(f.submittedAt()) + "提出的" + Wording.programme(f) + "申请，经"
                + (byTownship ? "调查核实和初审" : "调查核实、初审和" + Wording.decisionWord(f)) + "，" + authority
                + "于" + Wording.date(d.at()) + "决定不予" + word + "。理由如下：");
        b.paragraph(d.opinion() == null || d.opinion().isBlank() ? "（决定未写明理由，请向本机关询问。）" : d.opinion());
        CaseFile.Assessment a = f.assessment();
        if (a != null && !a.eligible() && f.programme() != Programme.TEMPORARY) {
            b.paragraph("核算情况：" + (f.programme() == Programme.TEKUN ? "本人" : "家庭人均") + "月收入 "
                    + Wording.money(a.perCapitaIncome()) + "，对照标准 " + Wording.money(a.standard()) + "/人·月，判定："
                    + a.outcomeLabel() + "。");
        }
        Wording.caseFields(b, f)
                .field("申请日期", Wording.date(f.submittedAt()))
                .field("决定日期", Wording.date(d.at()))
                .field("决定机关", authority)
                .field("送达机关", Wording.townshipAuthority(f));
        // Once the township has sent it (不予批准告知), the day it did.
        f.lastStep(TimelineStep.REJECTION_NOTICE).filter(s -> !s.at().isBefore(d.at()))
                .ifPresent(s -> b.field("告知日期", Wording.date(s.at())));
        b.paragraph("你的家庭经济状况等情况发生变化的，可以重新提出申请。");
        b.paragraph(Wording.remedies(f, "告知书"));
        return b.issuedBy(authority, Wording.day(d.at()));
    }
}
