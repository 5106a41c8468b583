package org.doudi.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseEvents;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStateException;
import org.doudi.cases.Programme;
import org.doudi.cases.StepRefusedException;
import org.doudi.cases.TimelineStep;
import org.doudi.region.StaffScope;
import org.doudi.security.Actors;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.Texts;
import org.doudi.verification.process.IncomeVerificationProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's objection to the verification result (2021 审核确认办法: when verification shows the
 * household ineligible, the township tells the applicant, who may object with evidence; the township
 * then checks again before any decision). An ineligible 低保 or 特困 result is told and waits for the
 * configured period ({@link VerificationObjectionPeriod}); an objection in it sends the case back to data
 * verification and a new home visit; without one the township forms its opinion on the result. Eligible
 * households, and temporary assistance (whose 2018 opinion has no such step), go on without waiting.
 */
@Service
@Transactional
public class VerificationObjections {

    private static final Logger log = LoggerFactory.getLogger(VerificationObjections.class);

    static final int MAX_TEXT = 2000;

    private final CaseRepository cases;
    private final VerificationResultNoticeRepository notices;
    private final Investigations investigations;
    private final CaseRecords records;
    private final IncomeVerificationProcess process;
    private final VerificationObjectionPeriod period;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VerificationObjections(CaseRepository cases, VerificationResultNoticeRepository notices,
            Investigations investigations, CaseRecords records, IncomeVerificationProcess process,
            VerificationObjectionPeriod period, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.notices = notices;
        this.investigations = investigations;
        this.records = records;
        this.process = process;
        this.period = period;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the latest assessment found a 低保 or 特困 household ineligible: it is told and may object. */
    @Transactional(readOnly = true)
    public boolean mayObject(String caseNumber) {
        AssistanceCase c = cases.require(caseNumber);
        return c.programme() != Programme.TEMPORARY
                && investigations.latestAssessment(c).map(a -> !a.outcome().isEligible()).orElse(false);
    }

    /** 核对结果告知: the applicant is told, the township sees it on the timeline; returns when the period ends. */
    public Instant tell(String caseNumber, String actor) {
        AssistanceCase c = cases.requireLocked(caseNumber);
        Instant now = clock.instant();
        Instant ends = period.endsFor(TimeConfig.today(clock));
        notices.save(new VerificationResultNotice(c.id(), now, ends));
        String outcome = investigations.latestAssessment(c).map(a -> a.outcome().label()).orElse("不符合条件");
        String lastDay = ends.atZone(TimeConfig.LEGAL_ZONE).toLocalDate().minusDays(1).toString();
        records.step(c, TimelineStep.VERIFICATION_RESULT_NOTICE, actor, "told",
                "经家庭经济状况核查，不符合" + c.programme().label() + "条件（" + outcome + "），已告知申请人。申请人有异议的，可在 "
                        + lastDay + "（含）前提供相关证明材料提出异议，乡镇将重新核查；期满未提出异议的，乡镇据此提出初审意见。");
        log.info("case {}: ineligible verification result told, objections until {}", caseNumber, ends);
        return ends;
    }

    /** When the current period ends (the timer of the model waits for it). */
    @Transactional(readOnly = true)
    public Instant periodEndsAt(String caseNumber) {
        AssistanceCase c = cases.require(caseNumber);
        return notices.findFirstByCaseIdOrderByIdDesc(c.id()).map(VerificationResultNotice::periodEndsAt)
                .orElseThrow(() -> new IllegalStateException("case " + caseNumber + " has no verification result told"));
    }

    /**
     * The applicant's objection, with its evidence, received by a member of staff during the period; else
     * a conflict (409).
     */
    public VerificationResultNotice object(String caseNumber, String text, String evidence, String actor,
            StaffScope scope) {
        String t = Texts.multiLine(text);
        if (t == null) {
            throw InvalidInputException.of("text", "必须填写异议理由 (is required)");
        }
        if (t.length() > MAX_TEXT) {
            throw InvalidInputException.of("text", "不能超过 " + MAX_TEXT + " 个字 (is too long)");
        }
        String e = Texts.multiLine(evidence);
        if (e != null && e.length() > MAX_TEXT) {
            throw InvalidInputException.of("evidence", "不能超过 " + MAX_TEXT + " 个字 (is too long)");
        }
        AssistanceCase c = cases.lockByCaseNumber(caseNumber).filter(found -> scope.canSee(found.villageCode()))
                .orElseThrow(() -> new NotFoundException("no case " + caseNumber));
        Instant now = clock.instant();
        VerificationResultNotice notice = notices.findFirstByCaseIdOrderByIdDesc(c.id()).filter(n -> n.openAt(now))
                .orElseThrow(() -> new CaseStateException(caseNumber, c.status(),
                        "receive an objection to the verification result: no objection period is open (核对结果异议期未开放或已届满)"));
        notice.objected(t, e, now, actor);
        records.step(c, TimelineStep.VERIFICATION_OBJECTION, actor, "received",
                t + (e == null ? "" : "（证明材料：" + e + "）"));
        if (!process.correlateVerificationObjection(caseNumber)) {
            throw new CaseStateException(caseNumber, c.status(),
                    "receive an objection to the verification result: the process is not waiting for one");
        }
        events.publishEvent(new CaseEvents.VerificationObjectionRaised(caseNumber, actor));
        return notice;
    }

    /** After an objection: the household is verified and visited again before any opinion. */
    public void reverify(String caseNumber, String actor) {
        AssistanceCase c = cases.requireLocked(caseNumber);
        c.reverifyAfterObjection();
        records.step(c, TimelineStep.VERIFICATION_OBJECTION, actor, "reverification",
                "申请人对核对结果有异议：重新开展信息核对和入户调查");
    }

    /**
     * The period ran out without an objection: the township forms its opinion on the result. Never before
     * its end, however the step was reached (an operator pulling the timer forward).
     */
    public void periodEnded(String caseNumber) {
        AssistanceCase c = cases.requireLocked(caseNumber);
        Instant ends = notices.findFirstByCaseIdOrderByIdDesc(c.id()).map(VerificationResultNotice::periodEndsAt)
                .orElse(null);
        if (ends == null || clock.instant().isBefore(ends)) {
            String shown = ends == null ? "?" : ends.atZone(TimeConfig.LEGAL_ZONE).toLocalDateTime().toString();
            throw new StepRefusedException(caseNumber, "案件 " + caseNumber + " 的核对结果异议期 " + shown
                    + "（北京时间）才届满，不能提前结束", "the objection period of case " + caseNumber + " ends at " + shown
                            + " China Standard Time, not before");
        }
        records.step(c, TimelineStep.VERIFICATION_RESULT_NOTICE, Actors.SYSTEM, "period_ended",
                "核对结果异议期满，申请人未提出异议，由乡镇提出初审意见");
    }

    @Transactional(readOnly = true)
    public List<VerificationResultNotice> of(AssistanceCase c) {
        return notices.findByCaseIdOrderById(c.id());
    }

    @Transactional(readOnly = true)
    public Optional<VerificationResultNotice> latest(AssistanceCase c) {
        return notices.findFirstByCaseIdOrderByIdDesc(c.id());
    }
}
