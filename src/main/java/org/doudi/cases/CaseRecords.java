package org.doudi.cases;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads what is recorded about a case: its timeline and its decisions. Append-only. */
@Service
@Transactional
public class CaseRecords {

    private final TimelineRepository timeline;
    private final DecisionRepository decisions;
    private final Clock clock;

    CaseRecords(TimelineRepository timeline, DecisionRepository decisions, Clock clock) {
        this.timeline = timeline;
        this.decisions = decisions;
        this.clock = clock;
    }

    public void step(AssistanceCase c, TimelineStep step, String actor, String outcome, String detail) {
        timeline.save(new TimelineEntry(c.id(), clock.instant(), step, actor, outcome, detail));
    }

    /** Records a decision and its timeline step in one go. */
    public void decision(AssistanceCase c, DecisionStage stage, TimelineStep step, String actor, String outcome,
            String opinion) {
        decisions.save(new CaseDecision(c.id(), stage, outcome, opinion, actor, clock.instant()));
        step(c, step, actor, outcome, opinion);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timelineOf(AssistanceCase c) {
        return timeline.findByCaseIdOrderByAtAscIdAsc(c.id());
    }

    @Transactional(readOnly = true)
    public List<CaseDecision> decisionsOf(AssistanceCase c) {
        return decisions.findByCaseIdOrderByDecidedAtAscIdAsc(c.id());
    }
}
