package org.doudi.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDecision;
import org.doudi.cases.CaseEvents;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.ApprovedBenefit;
import org.doudi.cases.ApprovedBenefitRepository;
import org.doudi.cases.Programme;
import org.doudi.cases.PublicNotice;
import org.doudi.cases.StepRefusedException;
import org.doudi.cases.TimelineStep;
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
 * notice, the decision and what follows from it (enrolment or the rejection notice). The steps that
 * end a notice or enrol check the case itself, not the path that led to them: an operator's
 * modification or a start before the step is refused with the reason ({@link StepRefusedException}).
 * Each records who acted: the user whose completion led to it, the person whose decision it carries
 * out, or the system for timers.
 */
@Service
@Transactional
public class Reviews {

    private static final Logger log = LoggerFactory.getLogger(Reviews.class);

    /** Decisions of the township review and the county decision. */
    public enum Verdict { APPROVE, REJECT, RETURN }

    /** How the township may deliver the written rejection notice (送达方式). */
    public static final Set<String> DELIVERY_METHODS = Set.of("直接送达", "邮寄送达", "委托村委会送达", "留置送达",
            "其他方式");

    private final CaseRepository cases;
    private final ApprovedBenefitRepository enrolments;
    private final Investigations investigations;
    private final CaseRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reviews(CaseRepository cases, ApprovedBenefitRepository enrolments, Investigations investigations, CaseRecords records,
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

    /** The one-time notice of what is missing, sent by whoever refused the acceptance. */
    public void sendNotAcceptedNotice(String caseNumber, String actor) {
        AssistanceCase c = lock(caseNumber);
        String missing = lastOpinion(c, d -> d.stage() == DecisionStage.ACCEPTANCE);
        records.step(c, TimelineStep.NOT_ACCEPTED_NOTICE, actor, "notified",
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
                .orElseGet(() -> investigations.reasonIneligibleThisMonth(caseNumber));
    }

    /**
     * Why the deciding level cannot decide now, or {@code null}: the case must be waiting for its
     * decision (a decision task made by a modification before the notice ended decides nothing).
     */
    public String reasonNotDecidable(String caseNumber) {
        AssistanceCase c = cases.require(caseNumber);
        if (c.status() != CaseStatus.COUNTY_DECISION) {
            return "案件当前为“" + c.status().label() + "”，不在审核确认阶段 (the case is " + c.status()
                    + ", not awaiting its decision)";
        }
        if (c.approvalPending()) {
            return "案件已有批准决定，正在执行 (the case has an approval being carried out)";
        }
        if (c.programme() != Programme.TEMPORARY && c.noticeEndedAt() == null) {
            return "公示尚未期满 (the public notice has not ended)";
        }
        return null;
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

    /** Posts the notice, as part of the township's favourable review; returns when it ends. */
    public Instant startPublicNotice(String caseNumber, String actor) {
        AssistanceCase c = lock(caseNumber);
        Instant ends = PublicNotice.endOfNoticePostedOn(TimeConfig.today(clock));
        c.startPublicNotice(ends);
        records.step(c, TimelineStep.PUBLIC_NOTICE_STARTED, actor, "posted",
                "公示 " + PublicNotice.DAYS + " 天，至 " + ends.atZone(TimeConfig.LEGAL_ZONE).toLocalDate().minusDays(1)
                        + " 止");
        return ends;
    }

    /**
     * 公示期满: only when the notice's days have passed on the clock ({@code noticeEndsAt}), however the
     * step was reached (its timer, or an operator's modification, who is then the actor).
     */
    public void endPublicNotice(String caseNumber, String actor) {
        AssistanceCase c = lock(caseNumber);
        String n = c.caseNumber();
        if (c.status() != CaseStatus.PUBLIC_NOTICE) {
            throw new StepRefusedException(n, "案件 " + n + " 当前为“" + c.status().label() + "”，没有正在进行的公示",
                    "case " + n + " is " + c.status() + ", not in its public notice");
        }
        Instant now = clock.instant();
        if (c.noticeEndsAt() == null || now.isBefore(c.noticeEndsAt())) {
            String ends = c.noticeEndsAt() == null ? "?"
                    : c.noticeEndsAt().atZone(TimeConfig.LEGAL_ZONE).toLocalDateTime().toString();
            throw new StepRefusedException(n, "案件 " + n + " 的公示 " + ends + "（北京时间）才期满，不能提前结束",
                    "the public notice of case " + n + " ends at " + ends + " China Standard Time, not before");
        }
        c.publicNoticeEnded(now);
        records.step(c, TimelineStep.PUBLIC_NOTICE_ENDED, actor, "ended", "公示期满无异议或异议不成立");
    }

    /** 审核确认 by the county (or the township, when delegated). */
    public void decide(String caseNumber, Verdict verdict, String opinion, String actor) {
        decide(caseNumber, verdict, opinion, null, actor);
    }

    /**
     * 审核确认 with the amount approved: for temporary assistance the county's grant; for 低保 and 特困
     * (no amount given) the monthly amount of the assessment it confirms, under the county's standard in
     * force in the month of the decision. An approval is recorded on the case, for the enrolment or the
     * county grant that carries it out.
     */
    public void decide(String caseNumber, Verdict verdict, String opinion, BigDecimal amount, String actor) {
        AssistanceCase c = lock(caseNumber);
        switch (verdict) {
            case RETURN -> c.returnToTownship();
            case REJECT -> c.reject(clock.instant());
            case APPROVE -> {
                // The case becomes APPROVED (or GRANTED) when the approval is carried out, right after.
            }
        }
        BigDecimal approved = verdict != Verdict.APPROVE ? null
                : amount != null ? amount
                        : investigations.amountForDecision(c, actor).orElse(null);
        CaseDecision d = records.decision(c, DecisionStage.DECISION, TimelineStep.DECISION, actor,
                verdict.name().toLowerCase(), opinion, approved);
        if (verdict == Verdict.APPROVE) {
            c.approvalDecided(d);
        }
    }

    /**
     * 纳入保障: carries out the recorded approval, from the month after it. Refused unless the case awaits
     * exactly that: an approving decision (审核确认, by the county or, where delegated, the township)
     * taken after its public notice ended, not yet carried out, on an eligible assessment.
     */
    public ApprovedBenefit enrol(String caseNumber) {
        AssistanceCase c = lock(caseNumber);
        String n = c.caseNumber();
        if (enrolments.findByCaseId(c.id()).isPresent()) {
            throw refusedEnrolment(n, "已纳入保障，不能重复", "it is already enrolled");
        }
        if (c.status() != CaseStatus.COUNTY_DECISION || c.programme() == Programme.TEMPORARY) {
            throw refusedEnrolment(n, "当前为“" + c.status().label() + "”，不在审核确认阶段",
                    "it is " + c.status() + ", not awaiting its decision");
        }
        if (c.noticeEndedAt() == null) {
            throw refusedEnrolment(n, "公示尚未期满", "its public notice has not ended");
        }
        CaseDecision approval = records.decisionOf(c, c.approvalDecisionId())
                .filter(d -> d.stage() == DecisionStage.DECISION && "approve".equals(d.outcome()))
                .orElseThrow(() -> refusedEnrolment(n, "没有审核确认批准决定", "no approving decision is recorded"));
        if (approval.decidedAt().isBefore(c.noticeEndedAt())) {
            throw refusedEnrolment(n, "批准决定早于公示期满", "the approval came before the notice ended");
        }
        IncomeAssessment a = investigations.latestAssessment(c)
                .filter(found -> found.outcome().isEligible())
                .orElseThrow(() -> refusedEnrolment(n, "核算结果不符合条件", "the assessment finds it ineligible"));
        if (a.assessedAt().isAfter(approval.decidedAt())) {
            throw refusedEnrolment(n, "批准之后核算结果已变更，须重新审核确认",
                    "the assessment changed after the approval");
        }
        BigDecimal monthly = approval.amount() != null ? approval.amount() : a.proposedAmount();
        Instant now = clock.instant();
        YearMonth from = YearMonth.from(TimeConfig.today(clock)).plusMonths(1);
        ApprovedBenefit e = enrolments.save(new ApprovedBenefit(c, monthly, from, unitOf(a), a.enrolledPersons(),
                a.careLevel() == null ? null : a.careLevel().name(),
                a.supportMode() == null ? null : a.supportMode().name(), now));
        c.approve(now, e, approval.actor());
        // Saving publishes CaseApproved: the enrolment module creates the enrolment after this commits.
        cases.save(c);
        // The enrolment carries out the decision: its author is the actor, not the job that ran it.
        records.step(c, TimelineStep.ENROLMENT, approval.actor(), "enrolled",
                "每月 " + Money.format(e.monthlyAmount()) + "，" + e.persons() + " 人，自 " + from + " 起发放");
        log.info("case {} approved: {} per month from {}", n, e.monthlyAmount(), from);
        return e;
    }

    private static StepRefusedException refusedEnrolment(String caseNumber, String chinese, String english) {
        return new StepRefusedException(caseNumber, "案件 " + caseNumber + " 不能纳入保障：" + chinese,
                "case " + caseNumber + " cannot be enrolled: " + english);
    }

    /** 不予批准告知: the reasons, in writing, through the township; sent by whoever refused. */
    public void sendRejectionNotice(String caseNumber, String actor) {
        AssistanceCase c = lock(caseNumber);
        String reasons = lastOpinion(c, d -> "reject".equals(d.outcome()));
        records.step(c, TimelineStep.REJECTION_NOTICE, actor, "notified",
                "不予批准，理由：" + (reasons == null ? "（见审核意见）" : reasons));
        events.publishEvent(new CaseEvents.Rejected(caseNumber));
    }

    /**
     * The day of the rejection the notice carries (乡镇初审 or 审核确认 against), or empty when the case holds
     * no such decision: a delivery step reached another way refuses.
     */
    @Transactional(readOnly = true)
    public Optional<LocalDate> rejectionDecidedOn(String caseNumber) {
        AssistanceCase c = cases.require(caseNumber);
        if (c.status() != CaseStatus.REJECTED) {
            return Optional.empty();
        }
        List<CaseDecision> decisions = records.decisionsOf(c);
        for (int i = decisions.size() - 1; i >= 0; i--) {
            CaseDecision d = decisions.get(i);
            if ("reject".equals(d.outcome())
                    && (d.stage() == DecisionStage.TOWNSHIP_REVIEW || d.stage() == DecisionStage.DECISION)) {
                return Optional.of(d.decidedAt().atZone(TimeConfig.LEGAL_ZONE).toLocalDate());
            }
        }
        return Optional.empty();
    }

    /** 送达不予批准告知书: the township delivered the written notice on that day, in that way. */
    public void recordRejectionNoticeDelivery(String caseNumber, LocalDate deliveredOn, String method, String notes,
            String actor) {
        AssistanceCase c = lock(caseNumber);
        records.step(c, TimelineStep.REJECTION_NOTICE_DELIVERED, actor, "delivered",
                deliveredOn + " " + method + (notes == null ? "" : "；" + notes));
        log.info("case {}: rejection notice delivered on {}", c.caseNumber(), deliveredOn);
    }

    private static ApprovedBenefit.Unit unitOf(IncomeAssessment a) {
        return switch (a.enrolmentUnit()) {
            case HOUSEHOLD -> ApprovedBenefit.Unit.HOUSEHOLD;
            case SINGLE_PERSON -> ApprovedBenefit.Unit.SINGLE_PERSON;
            case PERSON -> ApprovedBenefit.Unit.PERSON;
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
