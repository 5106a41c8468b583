package org.doudi.enrolment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.doudi.TimeConfig;
import org.doudi.payments.Payments;
import org.doudi.region.CountyPolicy;
import org.doudi.region.EnrolmentRules;
import org.doudi.region.RegionService;
import org.doudi.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a review (复核) does to an enrolment, with the county's rules of the month: it starts, then ends in one of
 * the five outcomes (continue, adjust, phase out, suspend, stop); and the gradual exits that ran out end by
 * themselves. Each call locks the enrolment, so that two reviews, or a review and a report, never change it at
 * once. A decision takes effect from the month after the day it is taken (benefits of the decision's month are
 * paid as before).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class EnrolmentReviews {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentReviews.class);

    private final EnrolmentRepository enrolments;
    private final RegionService regions;
    private final Payments payments;
    private final Clock clock;

    EnrolmentReviews(EnrolmentRepository enrolments, RegionService regions, Payments payments, Clock clock) {
        this.enrolments = enrolments;
        this.regions = regions;
        this.payments = payments;
        this.clock = clock;
    }

    /** The enrolment, locked; 404 for an unknown number. */
    public Enrolment lock(String enrolmentNumber) {
        return enrolments.lockByEnrolmentNumber(enrolmentNumber)
                .orElseThrow(() -> new NotFoundException("没有编号为 " + enrolmentNumber + " 的保障对象 / no enrolment "
                        + enrolmentNumber));
    }

    /** 复核开始: the enrolment is under review (refused with 409 for an ended one or one already under review). */
    public Enrolment startReview(String enrolmentNumber) {
        Enrolment e = lock(enrolmentNumber);
        e.startReview();
        return e;
    }

    /** 继续保障: same amount, classified again on the day, next review after the class's interval. */
    public Enrolment continueAfterReview(String enrolmentNumber, LocalDate decidedOn) {
        Enrolment e = lock(enrolmentNumber);
        CountyPolicy policy = policyAfter(e, decidedOn);
        ReviewClass cls = Enrolment.classify(e.members(), e.unit(), decidedOn, policy.allowances().elderlyAge());
        e.continueAfterReview(decidedOn, cls, Enrolment.nextReviewDue(YearMonth.from(decidedOn), cls,
                policy.enrolmentRules()));
        return e;
    }

    /**
     * 调整保障金: the new base amount (补差, the 特困 standards) with the 分类施保 lines of the county's policy in force in
     * the month after the decision, from that month (or, decided before the latest amount took effect, from the month
     * after that amount's first).
     */
    public Enrolment adjustAfterReview(String enrolmentNumber, BigDecimal baseAmount, LocalDate decidedOn,
            String note, String decidedBy) {
        Enrolment e = lock(enrolmentNumber);
        // From the month after the decision; a review decided before the first amount took effect changes the
        // amount from the month after that one (what was decided for a month is not rewritten).
        YearMonth from = YearMonth.from(decidedOn).plusMonths(1);
        YearMonth latest = e.currentAmount().fromMonth();
        if (!from.isAfter(latest)) {
            from = latest.plusMonths(1);
        }
        CountyPolicy policy = regions.policyOf(e.countyCode(), from);
        ReviewClass cls = Enrolment.classify(e.members(), e.unit(), decidedOn, policy.allowances().elderlyAge());
        List<EnrolmentAmountLine.Line> lines = ClassifiedAllowances.lines(e.programme(), baseAmount, e.members(),
                from.atDay(1), policy);
        e.adjustAfterReview(lines, from, note, decidedBy, clock.instant(), decidedOn, cls,
                Enrolment.nextReviewDue(YearMonth.from(decidedOn), cls, policy.enrolmentRules()));
        return e;
    }

    /**
     * 渐退期: from the month after the decision, for the county's number of months at its share (the policy in force
     * in that month). A county whose rules grant no gradual exit (0 months) refuses it: 409.
     */
    public Enrolment phaseOutAfterReview(String enrolmentNumber, LocalDate decidedOn) {
        Enrolment e = lock(enrolmentNumber);
        YearMonth from = YearMonth.from(decidedOn).plusMonths(1);
        EnrolmentRules rules = regions.policyOf(e.countyCode(), from).enrolmentRules();
        if (rules.phaseOutMonths() < 1) {
            throw new EnrolmentStateException(e.enrolmentNumber(), e.status(),
                    "本县政策不设渐退期，收入超过标准的应停止保障", "the county grants no gradual exit");
        }
        e.phaseOut(from, from.plusMonths(rules.phaseOutMonths() - 1L), rules.phaseOutShare(), decidedOn);
        return e;
    }

    /** 暂停发放 from the month after the decision; reviewed again after the changing household's interval. */
    public Enrolment suspendAfterReview(String enrolmentNumber, LocalDate decidedOn) {
        Enrolment e = lock(enrolmentNumber);
        EnrolmentRules rules = policyAfter(e, decidedOn).enrolmentRules();
        e.suspendAfterReview(YearMonth.from(decidedOn).plusMonths(1), decidedOn,
                Enrolment.nextReviewDue(YearMonth.from(decidedOn), ReviewClass.CHANGING, rules));
        return e;
    }

    /**
     * 停止保障: paid up to the decision's month. Where the household did not report a change in time (an unreported
     * change, fraud), {@code changeMonth} is the month it happened, and what the confirmed payment rolls paid for the
     * months after it is recorded as overpaid, to recover.
     */
    public Enrolment stopAfterReview(String enrolmentNumber, EndReason reason, LocalDate decidedOn,
            YearMonth changeMonth, String decidedBy) {
        Enrolment e = lock(enrolmentNumber);
        BigDecimal overpaid = changeMonth == null ? null : payments.paidFrom(e.id(), changeMonth.plusMonths(1));
        e.end(reason, YearMonth.from(decidedOn), clock.instant(), decidedBy, changeMonth, overpaid);
        log.info("enrolment {} stopped after review: {}, last paid {}, overpaid {}", e.enrolmentNumber(), reason,
                YearMonth.from(decidedOn), overpaid);
        return e;
    }

    /**
     * The gradual exits that ran out before the current month end (渐退期满), a chunk at a time; each ends with its
     * period's last month as the last paid. Returns those ended.
     */
    public List<Enrolment> endExpiredPhaseOuts(int chunk, String by) {
        YearMonth current = YearMonth.from(TimeConfig.today(clock));
        List<Enrolment> ended = new ArrayList<>();
        for (Long id : enrolments.findPhaseOutsEndedBefore(current.toString(), PageRequest.of(0, chunk))) {
            Enrolment e = enrolments.findById(id).orElseThrow();
            e.endPhaseOut(current, clock.instant(), by);
            ended.add(e);
        }
        return ended;
    }

    private CountyPolicy policyAfter(Enrolment e, LocalDate decidedOn) {
        return regions.policyOf(e.countyCode(), YearMonth.from(decidedOn).plusMonths(1));
    }
}
