package org.doudi.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseEvents;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStateException;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.PublicNotice;
import org.doudi.cases.TimelineStep;
import org.doudi.cases.process.AssistanceApplicationProcess;
import org.doudi.region.StaffScope;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Objections (异议) during the public notice. The first one interrupts the notice and goes to the
 * township; more objections while it is being handled join it. Outside the notice there is nothing to
 * object to. Each new notice after the handling can receive objections again.
 */
@Service
@Transactional
public class Objections {

    static final int MAX_TEXT = 2000;

    private final CaseRepository cases;
    private final ObjectionRepository objections;
    private final CaseRecords records;
    private final AssistanceApplicationProcess process;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Objections(CaseRepository cases, ObjectionRepository objections, CaseRecords records,
            AssistanceApplicationProcess process, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.cases = cases;
        this.objections = objections;
        this.records = records;
        this.process = process;
        this.clock = clock;
    }

    /** Records an objection received by a member of staff. */
    public Objection raise(String caseNumber, String text, String actor, StaffScope scope) {
        String trimmed = Texts.multiLine(text);
        if (trimmed == null) {
            throw InvalidInputException.of("text", "is required (必须填写)");
        }
        if (trimmed.length() > MAX_TEXT) {
            throw InvalidInputException.of("text", "is longer than " + MAX_TEXT + " characters");
        }
        AssistanceCase c = cases.lockByCaseNumber(caseNumber)
                .filter(found -> scope.canSee(found.villageCode()))
                .orElseThrow(() -> new NotFoundException("no case " + caseNumber));
        CaseStatus before = c.status();
        if (before != CaseStatus.PUBLIC_NOTICE && before != CaseStatus.OBJECTION_REVIEW) {
            throw new CaseStateException(caseNumber, before, "receive an objection outside the public notice");
        }
        Objection objection = objections.save(new Objection(c.id(), trimmed, clock.instant(), actor));
        records.step(c, TimelineStep.OBJECTION_RECEIVED, actor, "received", trimmed);
        if (before == CaseStatus.PUBLIC_NOTICE) {
            c.objectionRaised();
            events.publishEvent(new CaseEvents.ObjectionRaised(caseNumber));
            if (!process.correlateObjection(caseNumber, openText(c))) {
                throw new CaseStateException(caseNumber, before, "receive an objection: the notice is not waiting");
            }
        } else {
            process.updateObjectionText(c.processInstanceId(), openText(c));
        }
        return objection;
    }

    /**
     * The township's finding on the open objections. Either way the interrupted notice is withdrawn: upheld,
     * the case goes back to investigation (verification, a new home visit), then to a new opinion; not
     * upheld, straight to a new opinion. An opinion in favour is published again for a full notice.
     */
    public void resolve(String caseNumber, boolean upheld, String findings, String actor) {
        AssistanceCase c = cases.requireLocked(caseNumber);
        Instant withdrawn = c.noticeEndsAt();
        if (upheld) {
            c.objectionUpheld();
        } else {
            c.objectionDismissed();
        }
        for (Objection o : objections.findByCaseIdAndResolvedAtIsNullOrderById(c.id())) {
            o.resolve(upheld, findings, actor, clock.instant());
        }
        records.decision(c, DecisionStage.OBJECTION, TimelineStep.OBJECTION_HANDLED, actor,
                upheld ? "upheld" : "not_upheld", findings);
        records.step(c, TimelineStep.PUBLIC_NOTICE_WITHDRAWN, actor, "withdrawn", "原公示"
                + (withdrawn == null ? "" : "（原定 " + withdrawn.atZone(TimeConfig.LEGAL_ZONE).toLocalDate()
                        .minusDays(1) + " 止）")
                + "终止：" + (upheld ? "异议成立，重新调查核实后重新初审" : "异议不成立，重新初审")
                + "，同意的重新公示 " + PublicNotice.DAYS + " 天");
    }

    @Transactional(readOnly = true)
    public List<Objection> of(AssistanceCase c) {
        return objections.findByCaseIdOrderById(c.id());
    }

    /** The objections not yet resolved, one per line, as the handling form shows them. */
    public String openText(AssistanceCase c) {
        List<Objection> open = objections.findByCaseIdAndResolvedAtIsNullOrderById(c.id());
        return open.stream().map(o -> "· " + o.text()).collect(Collectors.joining("\n"));
    }
}
