package org.doudi.documents;

import java.util.List;
import java.util.Optional;

import org.doudi.cases.DecisionStage;
import org.doudi.cases.Programme;
import org.springframework.stereotype.Component;

/**
 * 审核确认决定书: the approval of a 低保 or 特困 case, once the enrolment carries it out: who is covered, the
 * monthly amount, the first month, on what findings.
 */
@Component
class DecisionNotice implements NoticeTemplate {

    @Override
    public DocumentKind kind() {
        return DocumentKind.DECISION;
    }

    @Override
    public Optional<String> whyNotAvailable(CaseFile f) {
        if (f.isTemporary()) {
            return Optional.of("临时救助案件的审批见临时救助审批表（" + DocumentKind.TEMPORARY_APPROVAL.slug() + "）");
        }
        if (approval(f).isEmpty()) {
            return Optional.of("案件 " + f.caseNumber() + " 尚无" + Wording.decisionWord(f) + "批准决定，没有审核确认决定书");
        }
        if (f.benefit() == null) {
            return Optional.of("案件 " + f.caseNumber() + " 的批准决定尚未执行（尚未纳入保障），暂不能出具审核确认决定书");
        }
        return Optional.empty();
    }

    private static Optional<CaseFile.Decision> approval(CaseFile f) {
        return f.lastDecision(d -> d.is(DecisionStage.DECISION, "approve"));
    }

    @Override
    public Notice write(CaseFile f) {
        CaseFile.Decision d = approval(f).orElseThrow();
        CaseFile.Benefit benefit = f.benefit();
        CaseFile.Assessment a = f.assessment();
        String authority = Wording.decidingAuthority(f);
        boolean tekun = f.programme() == Programme.TEKUN;
        Notice.Builder b = new Notice.Builder(Wording.programme(f) + "审核确认决定书", f.caseNumber());
        b.paragraph(f.applicantName() + "：");
        b.paragraph("你于" + Wording.date(f.submittedAt()) + "提出的" + Wording.programme(f) + "申请，经"
                + Wording.townshipAuthority(f) + "调查核实、初审并公示，本机关" + Wording.decisionWord(f) + "，"
                + (tekun ? "你符合特困人员救助供养条件" : "你的家庭符合最低生活保障条件") + "，决定自"
                + Wording.month(benefit.startMonth()) + "起给予" + Wording.programme(f) + "，每月 "
                + Wording.money(benefit.monthlyAmount()) + "。");
        Wording.caseFields(b, f)
                .field("保障人数", benefit.persons() + " 人")
                .field("月保障金额", Wording.money(benefit.monthlyAmount()))
                .field("起始发放月份", Wording.month(benefit.startMonth()))
                .field("决定日期", Wording.date(d.at()))
                .field("决定机关", authority)
                .field("审核人", Staff.of(d.actorName(), d.actor()));
        if (a != null) {
            b.field(tekun ? "本人月收入" : "家庭人均月收入", Wording.money(a.perCapitaIncome()))
                    .field(tekun ? "收入对照标准" : "当地低保标准", Wording.money(a.standard()) + "/人·月");
        }
        if (benefit.careLevel() != null) {
            b.field("生活自理能力", benefit.careLevel());
        }
        if (benefit.supportMode() != null) {
            b.field("供养方式", benefit.supportMode());
        }
        b.heading("家庭成员");
        b.table(List.of("姓名", "与申请人关系", "公民身份号码"),
                f.members().stream().map(m -> List.of(m.name(), m.relation(), m.idMasked())).toList());
        b.heading(Wording.decisionWord(f) + "意见");
        b.paragraph(d.opinion() == null ? "同意。" : d.opinion());
        f.lastDecision(t -> t.is(DecisionStage.TOWNSHIP_REVIEW, "approve")).filter(t -> t.opinion() != null)
                .ifPresent(t -> b.paragraph("乡镇初审意见：" + t.opinion()));
        b.paragraph("保障金按月发放。家庭人口、收入、财产状况发生变化的，应当及时告知" + Wording.townshipAuthority(f)
                + "；本机关将按规定定期复核。");
        b.paragraph(Wording.remedies(f, "决定书"));
        return b.issuedBy(authority, Wording.day(d.at()));
    }
}
