package org.doudi.periodicreview;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseIntake;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.Programme;
import org.doudi.cases.TimelineStep;
import org.doudi.enrolment.EndReason;
import org.doudi.enrolment.Enrolment;
import org.doudi.enrolment.EnrolmentReviews;
import org.doudi.enrolment.Enrolments;
import org.doudi.enrolment.ReviewHistory;
import org.doudi.household.Household;
import org.doudi.region.Region;
import org.doudi.region.RegionService;
import org.doudi.shared.PersonalData;
import org.doudi.verification.IncomeAssessment;
import org.doudi.verification.Investigations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews (复核) from start to written notice: opens the review case of an enrolment, records the township's opinion,
 * carries out the decision on the enrolment ({@link EnrolmentReviews}) and issues its notice. Everything runs in the
 * caller's transaction (a task completion, a job, a request).
 */
@Service
@Transactional
public class PeriodicReviews implements ReviewHistory {

    private static final Logger log = LoggerFactory.getLogger(PeriodicReviews.class);

    private final PeriodicReviewRepository reviews;
    private final EnrolmentReviews enrolmentReviews;
    private final Enrolments enrolments;
    private final CaseIntake intake;
    private final CaseRepository cases;
    private final CaseRecords records;
    private final RegionService regions;
    private final Investigations investigations;
    private final EntityManager entityManager;
    private final Clock clock;

    PeriodicReviews(PeriodicReviewRepository reviews, EnrolmentReviews enrolmentReviews, Enrolments enrolments,
            CaseIntake intake,
            CaseRepository cases, CaseRecords records, RegionService regions, Investigations investigations,
            EntityManager entityManager, Clock clock) {
        this.reviews = reviews;
        this.enrolmentReviews = enrolmentReviews;
        this.enrolments = enrolments;
        this.intake = intake;
        this.cases = cases;
        this.records = records;
        this.regions = regions;
        this.investigations = investigations;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** What {@link #start} needs to know besides the enrolment. */
    public record Start(ReviewTrigger trigger, ChangeKind changeKind, String changeText, Long campaignId,
            String actor) {
    }

    /**
     * Starts the review of an enrolment: the enrolment goes under review (409 when it has ended or is under review
     * already), its review case opens and its PeriodicReview instance starts (the data verification waits as a job).
     *
     * @return the review's case number
     */
    public String start(String enrolmentNumber, Start start) {
        Enrolment e = enrolmentReviews.startReview(enrolmentNumber);
        Household household = entityManager.find(Household.class, e.householdId());
        Region village = regions.village(e.villageCode())
                .orElseThrow(() -> new IllegalStateException("enrolment " + enrolmentNumber + ": no village"));
        boolean delegated = e.programme() == Programme.DIBAO
                && regions.policyOf(e.countyCode()).approvalDelegated();
        String reason = reasonOf(e, start);
        Instant now = clock.instant();
        AssistanceCase c = intake.openReview(AssistanceCase.forReview(e.enrolmentNumber(), start.trigger().name(),
                e.programme(), village, household, e.coveredIdNumbers(), reason, delegated, now, start.actor()),
                reason);
        reviews.save(new PeriodicReview(c.id(), c.caseNumber(), e.id(), e.enrolmentNumber(), e.townshipCode(),
                e.countyCode(), start.trigger(), start.changeKind(), start.changeText(), start.campaignId(), now,
                start.actor()));
        log.info("review {} of enrolment {} started ({}) by {}", c.caseNumber(), enrolmentNumber, start.trigger(),
                start.actor());
        return c.caseNumber();
    }

    /**
     * Why a review of the enrolment cannot start now, or empty: it is not in a status reviews start from, its village
     * or household is not on record, or a covered person has an open case in the programme (an application, another
     * review). What a batch checks before each start, so that one enrolment never stops the others.
     */
    @Transactional(readOnly = true)
    public Optional<String> whyNotStartable(String enrolmentNumber) {
        Enrolment e = enrolments.find(enrolmentNumber).orElse(null);
        if (e == null) {
            return Optional.of("保障对象不存在");
        }
        if (!ReviewCampaigns.REVIEWABLE.contains(e.status())) {
            return Optional.of("保障状态为“" + e.status().label() + "”");
        }
        if (regions.village(e.villageCode()).isEmpty()) {
            return Optional.of("所在村（居）" + e.villageCode() + " 不在区划中");
        }
        Household household = entityManager.find(Household.class, e.householdId());
        if (household == null || household.members().isEmpty()) {
            return Optional.of("家庭成员信息缺失");
        }
        for (String idNumber : e.coveredIdNumbers()) {
            if (cases.findOpenCaseOf(idNumber, e.programme().name()).isPresent()) {
                return Optional.of("保障成员有未办结的" + e.programme().label() + "案件");
            }
        }
        return Optional.empty();
    }

    private static String reasonOf(Enrolment e, Start start) {
        String what = start.trigger().label() + "：保障对象 " + e.enrolmentNumber();
        if (start.changeKind() != null) {
            what += "，报告" + start.changeKind().label();
            if (start.changeText() != null && !start.changeText().isBlank()) {
                what += "（" + PersonalData.maskAll(start.changeText()) + "）";
            }
        }
        return what.length() > 500 ? what.substring(0, 500) : what;
    }

    /** 乡镇复核意见: recorded, and the file goes to the decision. */
    public void recordOpinion(String caseNumber, ReviewOutcome opinion, String reasons, String actor) {
        PeriodicReview r = require(caseNumber);
        AssistanceCase c = cases.requireLocked(caseNumber);
        r.opinion(opinion, reasons, actor, clock.instant());
        c.forwardToCounty();
        records.step(c, TimelineStep.REVIEW_OPINION, actor, opinion.value(), opinion.label() + "。" + reasons);
    }

    /** What the decision says besides its outcome. */
    public record Decision(ReviewOutcome outcome, String reasons, EndReason stopReason, YearMonth changeMonth) {
    }

    /**
     * 复核决定, carried out on the enrolment from the month after today; the review case closes. Refused (409, nothing
     * changed) where the outcome does not follow from what the review found: to continue or adjust, the review's
     * assessment must find the household eligible; to phase out, it must not; a stop needs its reason.
     */
    public void decide(String caseNumber, Decision d, String actor) {
        PeriodicReview r = require(caseNumber);
        AssistanceCase c = cases.requireLocked(caseNumber);
        LocalDate today = TimeConfig.today(clock);
        Optional<IncomeAssessment> assessment = investigations.latestAssessment(c);
        boolean eligible = assessment.map(a -> a.outcome().isEligible()).orElse(false);
        String n = r.enrolmentNumber();
        switch (d.outcome()) {
            case CONTINUE -> {
                requireEligible(eligible, c, "继续保障");
                enrolmentReviews.continueAfterReview(n, today);
            }
            case ADJUST -> {
                requireEligible(eligible, c, "调整保障金");
                BigDecimal base = investigations.amountForDecision(c, actor).orElseThrow();
                Enrolment e = enrolmentReviews.adjustAfterReview(n, base, today, "复核调整（案件 " + caseNumber + "）", actor);
                r.effect(e.currentAmount().fromMonth(), e.currentAmount().amount());
            }
            case PHASE_OUT -> {
                if (eligible) {
                    throw new ReviewRefusedException(caseNumber, "复核核算结果仍符合保障条件，不适用渐退",
                            "the review found the household eligible: no gradual exit");
                }
                Enrolment e = enrolmentReviews.phaseOutAfterReview(n, today);
                r.effect(e.phaseOutUntil(), null);
            }
            case SUSPEND -> {
                Enrolment e = enrolmentReviews.suspendAfterReview(n, today);
                r.effect(e.suspendedFrom(), null);
            }
            case STOP -> {
                EndReason reason = d.stopReason() != null ? d.stopReason()
                        : r.changeKind() != null ? r.changeKind().stopReason() : null;
                if (reason == null) {
                    throw new ReviewRefusedException(caseNumber, "停止保障须选择停止原因", "a stop needs its reason");
                }
                if (reason == EndReason.FRAUD && d.changeMonth() == null) {
                    throw new ReviewRefusedException(caseNumber, "以骗取保障为由停止的，须填写情况发生的月份，以计算应追回金额",
                            "a stop for fraud needs the month of the change");
                }
                Enrolment e = enrolmentReviews.stopAfterReview(n, reason, today, d.changeMonth(), actor);
                r.stopped(reason, d.changeMonth(), e.overpaid());
                r.effect(YearMonth.from(today), null);
            }
        }
        r.decided(d.outcome(), d.reasons(), actor, clock.instant());
        c.reviewDecided(clock.instant());
        records.step(c, TimelineStep.REVIEW_DECISION, actor, d.outcome().value(), d.outcome().label() + "。"
                + d.reasons());
    }

    private static void requireEligible(boolean eligible, AssistanceCase c, String what) {
        if (!eligible) {
            throw new ReviewRefusedException(c.caseNumber(), "复核核算结果为不符合保障条件，不能" + what
                    + "；请选择渐退、暂停发放或停止保障", "the review found the household ineligible");
        }
    }

    /** 复核决定通知: the written notice of the decision, with its reasons, recorded on the review case. */
    public void issueNotice(String caseNumber) {
        PeriodicReview r = require(caseNumber);
        if (r.noticeAt() != null) {
            return;
        }
        AssistanceCase c = cases.require(caseNumber);
        r.noticeIssued(clock.instant());
        records.step(c, TimelineStep.REVIEW_NOTICE, r.decidedBy(), r.outcome(), noticeText(r));
    }

    /** The notice's wording: the outcome, from when, the reasons, and the right to object. */
    static String noticeText(PeriodicReview r) {
        ReviewOutcome o = ReviewOutcome.of(r.outcome()).orElseThrow();
        StringBuilder t = new StringBuilder("经复核，保障对象 ").append(r.enrolmentNumber()).append(" ");
        switch (o) {
            case CONTINUE -> t.append("继续享受保障，保障金额不变");
            case ADJUST -> t.append("自 ").append(r.effectiveMonth()).append(" 起月保障金调整为 ")
                    .append(r.newAmount().toPlainString()).append(" 元");
            case PHASE_OUT -> t.append("家庭收入已超过标准，给予渐退期至 ").append(r.effectiveMonth())
                    .append("，期满自动停止保障");
            case SUSPEND -> t.append("自 ").append(r.effectiveMonth()).append(" 起暂停发放保障金");
            case STOP -> {
                t.append("自 ").append(YearMonth.parse(r.effectiveMonth()).plusMonths(1)).append(" 起停止保障，原因：")
                        .append(r.stopReason().label());
                if (r.overpaid() != null && r.overpaid().signum() > 0) {
                    t.append("；应退回多领取的保障金 ").append(r.overpaid().toPlainString()).append(" 元");
                }
            }
        }
        t.append("。理由：").append(r.outcomeReasons())
                .append("。如对本决定有异议，可自收到之日起依法申请行政复议或提起行政诉讼。");
        return t.toString();
    }

    /**
     * 渐退期满: the gradual exits that ran out end, each with a notice on the timeline of the review that granted it.
     *
     * @return how many ended
     */
    public int endExpiredPhaseOuts(int chunk, String actor) {
        List<Enrolment> ended = enrolmentReviews.endExpiredPhaseOuts(chunk, actor);
        for (Enrolment e : ended) {
            reviews.findFirstByEnrolmentIdAndOutcomeOrderByDecidedAtDesc(e.id(), ReviewOutcome.PHASE_OUT.value())
                    .ifPresent(r -> records.step(r.caseId(), TimelineStep.PHASE_OUT_ENDED, actor, "ended",
                            "保障对象 " + e.enrolmentNumber() + " 渐退期至 " + e.lastPaidMonth() + " 期满，自 "
                                    + e.lastPaidMonth().plusMonths(1) + " 起停止保障。"));
            log.info("enrolment {}: gradual exit ran out with {}, ended", e.enrolmentNumber(), e.lastPaidMonth());
        }
        return ended.size();
    }

    /**
     * What the written notice of a decided review says (复核决定通知书); empty while the review is undecided or for a
     * case that is no review.
     */
    public record DecisionNotice(String enrolmentNumber, String trigger, String outcome, String outcomeLabel,
            String effectiveMonth, BigDecimal newAmount, String stopReason, YearMonth changeMonth, BigDecimal overpaid,
            String reasons, String opinion, String opinionReasons, Instant decidedAt, String decidedBy,
            String wording) {
    }

    @Transactional(readOnly = true)
    public Optional<DecisionNotice> decisionNotice(String caseNumber) {
        return reviews.findByCaseNumber(caseNumber).filter(r -> r.outcome() != null).map(r -> new DecisionNotice(
                r.enrolmentNumber(), r.trigger().label(), r.outcome(),
                ReviewOutcome.of(r.outcome()).map(ReviewOutcome::label).orElse(r.outcome()), r.effectiveMonth(),
                r.newAmount(), r.stopReason() == null ? null : r.stopReason().label(),
                r.changeMonth() == null ? null : YearMonth.parse(r.changeMonth()), r.overpaid(), r.outcomeReasons(),
                r.opinion() == null ? null : ReviewOutcome.of(r.opinion()).map(ReviewOutcome::label).orElse(r.opinion()),
                r.opinionReasons(), r.decidedAt(), r.decidedBy(), noticeText(r)));
    }

    /** The review of a case number; a case that is no review is a programming error (only review tasks ask). */
    PeriodicReview require(String caseNumber) {
        return reviews.findByCaseNumber(caseNumber)
                .orElseThrow(() -> new IllegalStateException("case " + caseNumber + " is no review"));
    }

    Optional<PeriodicReview> find(String caseNumber) {
        return reviews.findByCaseNumber(caseNumber);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> reviewsOf(long enrolmentId) {
        return reviews.findByEnrolmentIdOrderByStartedAtAscIdAsc(enrolmentId).stream()
                .map(r -> new Entry(r.caseNumber(), r.trigger().name(), r.outcome(), r.startedAt(), r.decidedAt()))
                .toList();
    }
}
