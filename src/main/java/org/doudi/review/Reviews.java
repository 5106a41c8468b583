package org.doudi.review;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDecision;
import org.doudi.cases.CaseEvents;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.Enrolment;
import org.doudi.cases.EnrolmentRepository;
import org.doudi.cases.TimelineStep;
import org.doudi.security.Actors;
import org.doudi.shared.Money;
import org.doudi.verification.IncomeAssessment;
import org.doudi.verification.Investigations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions on a case after the application: acceptance, the township's opinion, the public
 * notice, the decision and what follows from it (enrolment or the rejection notice).
 */
@Service
@Transactional
public class Reviews {

    private static final Logger log = LoggerFactory.getLogger(Reviews.class);

    /** Decisions of the township review and the county decision. */
    public enum Verdict { APPROVE, REJECT, RETURN }

    private final CaseRepository cases;
    private final EnrolmentRepository enrolments;
    private final Investigations investigations;
    private final CaseRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reviews(CaseRepository cases, EnrolmentRepository enrolments, Investigations investigations, CaseRecords records,
            ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.enrolments = enrolments;
        this.investigations = investigations;
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    /** 受理 or not; when not, everything missing is told at once (一次性告知). */
    public void decideAcceptance(String caseNumber, boolean accepted, String missingMaterials, String actor) {
        AssistanceCase c = lock(caseNumber);
        if (accepted) {
            c.accept(clock.instant());
            events.publishEvent(new CaseEvents.Accepted(caseNumber));
        } else {
            c.refuseAcceptance(clock.instant());
        }
        records.decision(c, DecisionStage.ACCEPTANCE, TimelineStep.ACCEPTANCE, actor,
                accepted ? "accepted" : "not_accepted", missingMaterials);
    }

    public void sendNotAcceptedNotice(String caseNumber) {
        AssistanceCase c = lock(caseNumber);
        String missing = lastOpinion(c, d -> d.stage() == DecisionStage.ACCEPTANCE);
        records.step(c, TimelineStep.NOT_ACCEPTED_NOTICE, Actors.SYSTEM, "notified",
                "申请材料不齐全，需补齐：" + (missing == null ? "（见受理意见）" : missing));
    }

    /**
     * Whether the household meets the conditions according to the last assessment; a reason to refuse
     * an approval otherwise.
     */
    public String reasonNotApprovable(String caseNumber) {
        AssistanceCase c = cases.require(caseNumber);
        return investigations.latestAssessment(c)
                .filter(a -> !a.outcome().isEligible())
                .map(a -> "核算结果为不符合条件（" + a.outcome().label() + "，" + a.outcome()
                        + "），不能同意 (the assessment found the household ineligible)")
                .orElse(null);
    }

    /** 初审意见: in favour (the notice follows) or against (the case is refused). */
    public void townshipReview(String caseNumber, Verdict verdict, String opinion, String actor) {
        townshipReview(caseNumber, verdict, opinion, false, actor);
    }

    /** 初审意见, and whether the township refers the household to the poverty office (转介) as well. */
    public void townshipReview(String caseNumber, Verdict verdict, String opinion, boolean referToPovertyOffice,
            String actor) {
        AssistanceCase c = lock(caseNumber);
        if (verdict == Verdict.RETURN) {
            throw new IllegalArgumentException("the township review approves or rejects");
        }
        if (verdict == Verdict.REJECT) {
            c.reject(clock.instant());
        }
        records.decision(c, DecisionStage.TOWNSHIP_REVIEW, TimelineStep.TOWNSHIP_REVIEW, actor,
                verdict.name().toLowerCase(), opinion);
        if (referToPovertyOffice) {
            events.publishEvent(new CaseEvents.ReferralRequested(caseNumber, "TOWNSHIP_REVIEW",
                    opinion == null ? "乡镇初审时转介" : opinion, actor));
        }
    }

    /** Posts the notice; returns when it ends. */
    public Instant startPublicNotice(String caseNumber) {
        AssistanceCase c = lock(caseNumber);
        Instant ends = PublicNotice.endOfNoticePostedOn(TimeConfig.today(clock));
        c.startPublicNotice(ends);
        records.step(c, TimelineStep.PUBLIC_NOTICE_STARTED, Actors.SYSTEM, "posted",
                "公示 " + PublicNotice.DAYS + " 天，至 " + ends.atZone(TimeConfig.LEGAL_ZONE).toLocalDate().minusDays(1)
                        + " 止");
        return ends;
    }

    public void endPublicNotice(String caseNumber) {
        AssistanceCase c = lock(caseNumber);
        c.publicNoticeEnded();
        records.step(c, TimelineStep.PUBLIC_NOTICE_ENDED, Actors.SYSTEM, "ended", "公示期满无异议或异议不成立");
    }

    /** 审核确认 by the county (or the township, when delegated). */
    public void decide(String caseNumber, Verdict verdict, String opinion, String actor) {
        AssistanceCase c = lock(caseNumber);
        switch (verdict) {
            case RETURN -> c.returnToTownship();
            case REJECT -> c.reject(clock.instant());
            case APPROVE -> {
                // The case becomes APPROVED when it is enrolled, right after, in the same transaction.
            }
        }
        records.decision(c, DecisionStage.DECISION, TimelineStep.DECISION, actor, verdict.name().toLowerCase(),
                opinion);
    }

    /** 纳入保障: pays the assessed amount from the month after the decision. */
    public Enrolment enrol(String caseNumber) {
        AssistanceCase c = lock(caseNumber);
        IncomeAssessment a = investigations.latestAssessment(c)
                .orElseThrow(() -> new IllegalStateException("case " + caseNumber + " has no assessment"));
        if (!a.outcome().isEligible()) {
            throw new IllegalStateException("case " + caseNumber + " is not eligible: " + a.outcome());
        }
        Instant now = clock.instant();
        YearMonth from = YearMonth.from(TimeConfig.today(clock)).plusMonths(1);
        Enrolment e = enrolments.save(new Enrolment(c, a.proposedAmount(), from, unitOf(a), a.enrolledPersons(),
                a.careLevel() == null ? null : a.careLevel().name(),
                a.supportMode() == null ? null : a.supportMode().name(), now));
        c.approve(now);
        records.step(c, TimelineStep.ENROLMENT, Actors.SYSTEM, "enrolled",
                "每月 " + Money.format(e.monthlyAmount()) + "，" + e.persons() + " 人，自 " + from + " 起发放");
        log.info("case {} approved: {} per month from {}", caseNumber, e.monthlyAmount(), from);
        return e;
    }

    /** 不予批准告知: the reasons, in writing, through the township. */
    public void sendRejectionNotice(String caseNumber) {
        AssistanceCase c = lock(caseNumber);
        String reasons = lastOpinion(c, d -> "reject".equals(d.outcome()));
        records.step(c, TimelineStep.REJECTION_NOTICE, Actors.SYSTEM, "notified",
                "不予批准，理由：" + (reasons == null ? "（见审核意见）" : reasons));
        events.publishEvent(new CaseEvents.Rejected(caseNumber));
    }

    private static Enrolment.Unit unitOf(IncomeAssessment a) {
        return switch (a.enrolmentUnit()) {
            case HOUSEHOLD -> Enrolment.Unit.HOUSEHOLD;
            case SINGLE_PERSON -> Enrolment.Unit.SINGLE_PERSON;
            case PERSON -> Enrolment.Unit.PERSON;
            case NONE -> throw new IllegalStateException("nobody to enrol");
        };
    }

    /** The opinion of the latest decision that matches, or {@code null}. */
    private String lastOpinion(AssistanceCase c, Predicate<CaseDecision> which) {
        List<CaseDecision> decisions = records.decisionsOf(c);
        for (int i = decisions.size() - 1; i >= 0; i--) {
            if (which.test(decisions.get(i))) {
                return decisions.get(i).opinion();
            }
        }
        return null;
    }

    private AssistanceCase lock(String caseNumber) {
        return cases.requireLocked(caseNumber);
    }
}
