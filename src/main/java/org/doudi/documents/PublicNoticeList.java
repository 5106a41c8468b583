package org.doudi.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.doudi.cases.DecisionStage;
import org.doudi.cases.Programme;
import org.doudi.cases.PublicNotice;
import org.doudi.cases.TimelineStep;
import org.springframework.stereotype.Component;

/**
 * 公示名单: the township's favourable opinion as posted in the village for 7 days. The rules ask for the
 * applicant's name, the household size and the amount, with privacy protected and nothing irrelevant: the
 * name is shown masked ({@link Wording#maskName}), the ID number masked, nothing else about the family.
 * The latest notice counts (an objection restarts it).
 */
@Component
class PublicNoticeList implements NoticeTemplate {

    @Override
    public DocumentKind kind() {
        return DocumentKind.PUBLIC_NOTICE;
    }

    @Override
    public Optional<String> whyNotAvailable(CaseFile f) {
        if (f.isTemporary()) {
            return Optional.of("临时救助案件不张榜公示，没有公示名单");
        }
        if (f.lastStep(TimelineStep.PUBLIC_NOTICE_STARTED).isEmpty()) {
            return Optional.of("案件 " + f.caseNumber() + " 尚未公示，没有公示名单");
        }
        return Optional.empty();
    }

    /** The first and last day of the notice: the day it is posted does not count. */
    static LocalDate[] period(CaseFile f, CaseFile.Step started) {
        LocalDate posted = Wording.day(started.at());
        LocalDate last = f.noticeEndsAt() != null && !f.noticeEndsAt().isBefore(started.at())
                ? Wording.day(f.noticeEndsAt()).minusDays(1)
                : posted.plusDays(PublicNotice.DAYS);
        return new LocalDate[] {posted.plusDays(1), last};
    }

    @Override
    public Notice write(CaseFile f) {
        CaseFile.Step started = f.lastStep(TimelineStep.PUBLIC_NOTICE_STARTED).orElseThrow();
        LocalDate[] period = period(f, started);
        String authority = Wording.townshipAuthority(f);
        CaseFile.Assessment a = f.assessment();
        Notice.Builder b = new Notice.Builder(Wording.programme(f) + "公示名单", f.caseNumber());
        b.paragraph("经" + authority + "调查核实和初审，下列申请" + (f.programme() == Programme.TEKUN ? "人员" : "家庭")
                + "拟纳入" + Wording.programme(f) + "范围，现予以公示。");
        b.field("公示地点", f.county().name() + " " + f.township().name() + " " + f.village().name())
                .field("公示期", Wording.date(period[0]) + "至" + Wording.date(period[1]) + "（共 " + PublicNotice.DAYS
                        + " 天）")
                .field("张贴日期", Wording.date(started.at()));
        b.table(List.of("序号", "申请人", "公民身份号码", "村（社区）", "家庭人口", "拟保障人数", "拟保障金额（元/月）"),
                List.of(List.of("1", Wording.maskName(f.applicantName()), f.applicantIdMasked(), f.village().name(),
                        f.householdSize() + " 人", a == null ? "—" : a.enrolledPersons() + " 人",
                        a == null ? "—" : Wording.money(a.proposedAmount()))));
        f.lastDecision(d -> d.is(DecisionStage.TOWNSHIP_REVIEW, "approve"))
                .ifPresent(d -> b.field("乡镇初审意见", d.opinion() == null ? "同意" : d.opinion()));
        b.paragraph("公示期间，任何单位和个人对上述人员是否符合条件有异议的，可以向" + authority + "或"
                + Wording.villageCommittee(f) + "实名或匿名反映，并尽量提供相关证据或线索。"
                + "本机关将对异议进行调查核实，处理结果将重新公示。");
        b.paragraph("为保护个人隐私，本名单中申请人姓名和公民身份号码已作部分隐藏，请勿翻拍、转载。");
        return b.issuedBy(authority, Wording.day(started.at()));
    }
}
