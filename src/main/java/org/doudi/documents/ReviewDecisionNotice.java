package org.doudi.documents;

import java.util.Optional;

import org.doudi.periodicreview.PeriodicReviews;
import org.springframework.stereotype.Component;

/**
 * 复核决定通知书: a review's decision on the enrolment (continue, adjust, gradual exit, suspend, stop), from which
 * month, why, what is to be returned, and the remedies; issued by the deciding authority once the review is decided.
 */
@Component
class ReviewDecisionNotice implements NoticeTemplate {

    private final PeriodicReviews reviews;

    ReviewDecisionNotice(PeriodicReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.REVIEW_DECISION;
    }

    @Override
    public Optional<String> whyNotAvailable(CaseFile f) {
        if (!f.caseNumber().startsWith("FH-")) {
            return Optional.of("案件 " + f.caseNumber() + " 不是复核案件，没有复核决定通知书");
        }
        if (reviews.decisionNotice(f.caseNumber()).isEmpty()) {
            return Optional.of("复核案件 " + f.caseNumber() + " 尚未作出复核决定");
        }
        return Optional.empty();
    }

    @Override
    public Notice write(CaseFile f) {
        PeriodicReviews.DecisionNotice d = reviews.decisionNotice(f.caseNumber()).orElseThrow();
        String authority = Wording.decidingAuthority(f);
        Notice.Builder b = new Notice.Builder(Wording.programme(f) + "复核决定通知书", f.caseNumber());
        b.paragraph(f.applicantName() + "：");
        b.paragraph(d.wording().replace("如对本决定有异议，可自收到之日起依法申请行政复议或提起行政诉讼。", ""));
        Wording.caseFields(b, f)
                .field("保障对象编号", d.enrolmentNumber())
                .field("复核原因", d.trigger())
                .field("复核结论", d.outcomeLabel());
        if (d.newAmount() != null) {
            b.field("调整后月保障金", Wording.money(d.newAmount()));
        }
        if (d.effectiveMonth() != null) {
            b.field("执行月份", Wording.month(d.effectiveMonth()));
        }
        if (d.stopReason() != null) {
            b.field("停止原因", d.stopReason());
        }
        if (d.overpaid() != null && d.overpaid().signum() > 0) {
            b.field("应退回金额", Wording.money(d.overpaid()) + "（" + Wording.month(d.changeMonth().toString())
                    + "之后各月已发放部分）");
        }
        b.field("决定日期", Wording.date(d.decidedAt()))
                .field("决定机关", authority);
        b.heading("复核决定理由");
        b.paragraph(d.reasons());
        if (d.opinion() != null) {
            b.paragraph("乡镇复核意见：" + d.opinion() + "。" + d.opinionReasons());
        }
        b.paragraph("家庭人口、收入、财产状况发生变化的，应当及时告知" + Wording.townshipAuthority(f) + "。");
        b.paragraph(Wording.remedies(f, "通知书"));
        return b.issuedBy(authority, Wording.day(d.decidedAt()));
    }
}
