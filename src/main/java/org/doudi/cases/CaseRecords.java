package org.doudi.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.doudi.shared.TransactionMemo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads what is recorded about a case: its timeline and its decisions. Append-only. */
@Service
@Transactional
public class CaseRecords {

    /** The transaction resource holding the decisions this transaction already read, by case id. */
    private static final String DECISIONS = CaseRecords.class.getName() + ".decisions";

    private final TimelineRepository timeline;
    private final DecisionRepository decisions;
    private final Clock clock;

    CaseRecords(TimelineRepository timeline, DecisionRepository decisions, Clock clock) {
        this.timeline = timeline;
        this.decisions = decisions;
        this.clock = clock;
    }

    public void step(AssistanceCase c, TimelineStep step, String actor, String outcome, String detail) {
        step(c.id(), step, actor, outcome, detail);
    }

    /**
     * A step of a case known by its id, without loading the case: an escalation takes what it needs of the
     * case from the open task's row (docs/scale.md, "Escalations per second").
     */
    public void step(Long caseId, TimelineStep step, String actor, String outcome, String detail) {
        timeline.save(new TimelineEntry(caseId, clock.instant(), step, actor, outcome, detail));
    }

    /** Records a decision and its timeline step in one go. */
    public CaseDecision decision(AssistanceCase c, DecisionStage stage, TimelineStep step, String actor,
            String outcome, String opinion) {
        return decision(c, stage, step, actor, outcome, opinion, null);
    }

    /** Records a decision that carries an amount (an approved or proposed grant, a confirmed monthly amount). */
    public CaseDecision decision(AssistanceCase c, DecisionStage stage, TimelineStep step, String actor,
            String outcome, String opinion, BigDecimal amount) {
        CaseDecision d = decisions.save(new CaseDecision(c.id(), stage, outcome, opinion, amount, actor,
                clock.instant()));
        TransactionMemo.<Long, List<CaseDecision>>of(DECISIONS).remove(c.id());
        step(c, step, actor, outcome, opinion);
        return d;
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timelineOf(AssistanceCase c) {
        return timeline.findByCaseIdOrderByAtAscIdAsc(c.id());
    }

    /**
     * The case's decisions in order. Read once per transaction (a task's due date, its escalation timers
     * and its form all ask); a decision recorded through {@link #decision} makes the next call read again.
     */
    @Transactional(readOnly = true)
    public List<CaseDecision> decisionsOf(AssistanceCase c) {
        return TransactionMemo.<Long, List<CaseDecision>>of(DECISIONS).computeIfAbsent(c.id(),
                id -> List.copyOf(decisions.findByCaseIdOrderByDecidedAtAscIdAsc(id)));
    }

    /** A decision of the case by its id, if it is one of the case's. */
    @Transactional(readOnly = true)
    public Optional<CaseDecision> decisionOf(AssistanceCase c, Long decisionId) {
        return decisionId == null ? Optional.empty()
                : decisions.findById(decisionId).filter(d -> d.caseId().equals(c.id()));
    }
}
