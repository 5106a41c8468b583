package org.doudi.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.TimeConfig;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDecision;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.Programme;
import org.doudi.cases.PublicNotice;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Due dates and escalation moments for the models, in working days of the case's county (the national
 * schedule plus its province's own days off): {@code camunda:dueDate="${deadlines.due(execution, 'county-decision')}"}.
 * The step names are in the models; the numbers in {@link TimeLimits}. A deadline falls at the end of its
 * day (China Standard Time).
 * <p>
 * Each limit counts from its ANCHOR, the event the rules name, decided in one place ({@link #anchor}):
 * <ul>
 * <li>{@code investigation-start}: 受理 (the investigation must start within 3 working days of acceptance,
 * however long the data verification takes), or the handling of an objection that sent the case back;</li>
 * <li>特困 {@code township-review}: 受理 (15 working days for investigation and opinion), or the handling
 * of an objection, or the county's return, whichever is latest;</li>
 * <li>特困 {@code county-decision} and its {@code spot-check} before the decision: the last day of the public
 * notice (the file reaching the county); the spot check lies within the county's 15 working days;</li>
 * <li>every other step: the day its task is created.</li>
 * </ul>
 */
@Component("deadlines")
@Transactional(readOnly = true)
public class Deadlines {

    /** Whole procedure (办理时限) from acceptance: normal, delegated, extended after an objection. */
    public static final String PROCEDURE = "procedure";
    /** The step whose limit is on starting the task, not finishing it. */
    public static final String INVESTIGATION_START = "investigation-start";

    private static final String TOWNSHIP_REVIEW = "township-review";
    private static final String COUNTY_DECISION = "county-decision";
    private static final String SPOT_CHECK = "spot-check";
    private static final String OBJECTION = "objection";

    /** Public notice (公示), calendar days. */
    private final TimeLimits limits;
    private final WorkingDayCalendar calendar;
    private final CaseRepository cases;
    private final CaseRecords records;

    private final Subjects subjects;

    Deadlines(TimeLimits limits, WorkingDayCalendar calendar, CaseRepository cases, CaseRecords records,
            Subjects subjects) {
        this.limits = limits;
        this.calendar = calendar;
        this.cases = cases;
        this.records = records;
        this.subjects = subjects;
    }

    /**
     * A step's limit for a case: the step of {@code doudi.time-limits}, the day it counts from, and the
     * due day.
     */
    public record Limit(String step, LocalDate anchor, LocalDate due) {
    }

    /** The due date of a step whose task is created now (a case's, or another {@link WorkSubject}'s). */
    public Date due(DelegateExecution execution, String step) {
        AssistanceCase c = caseOrNull(execution);
        LocalDate today = calendar.today();
        return Date.from(WorkingDayCalendar.endOf(c != null ? limit(c, step, today).due()
                : limitFrom(subjectOf(execution), step, today).due()));
    }

    /** When an overdue task escalates: level 1 at its due date, level 2 some working days later. */
    public Date escalation(DelegateExecution execution, String step, int level) {
        AssistanceCase c = caseOrNull(execution);
        LocalDate today = calendar.today();
        if (c == null) {
            WorkSubject s = subjectOf(execution);
            return Date.from(escalationAt(s.countyCode(), limitFrom(s, step, today).due(), level));
        }
        return Date.from(escalationAt(c, limit(c, step, today).due(), level));
    }

    /** The moment of an escalation level for a task due on a day. */
    public Instant escalationAt(AssistanceCase c, LocalDate due, int level) {
        return escalationAt(c.countyCode(), due, level);
    }

    /** The same in a county's working days. */
    public Instant escalationAt(String countyCode, LocalDate due, int level) {
        LocalDate day = level <= 1 ? due : calendar.plusWorkingDays(countyCode, due, limits.escalationLevel2After());
        return WorkingDayCalendar.endOf(day);
    }

    /** The limit of a step of work that is not a case's, counted from a day (its task's creation). */
    public Limit limitFrom(WorkSubject s, String step, LocalDate anchor) {
        int days = limits.of(step, s.variant(), s.countyCode());
        return new Limit(step, anchor, calendar.plusWorkingDays(s.countyCode(), anchor, days));
    }

    /** The limit of a step of a case whose task is created on {@code created}. */
    public Limit limit(AssistanceCase c, String step, LocalDate created) {
        return limitFrom(c, step, anchor(c, step, created));
    }

    /** The limit of a step counted from a known anchor (to recompute it with another calendar). */
    public Limit limitFrom(AssistanceCase c, String step, LocalDate anchor) {
        int days = limits.of(limitName(c, step), c.programme().name(), c.countyCode());
        return new Limit(step, anchor, calendar.plusWorkingDays(c.countyCode(), anchor, days));
    }

    /** The day a step's limit counts from (the day itself not counted). */
    LocalDate anchor(AssistanceCase c, String step, LocalDate created) {
        LocalDate accepted = day(c.acceptedAt());
        if (INVESTIGATION_START.equals(step)) {
            return latest(created, accepted, lastDecisionDay(c, DecisionStage.OBJECTION, null));
        }
        if (c.programme() == Programme.TEKUN && TOWNSHIP_REVIEW.equals(step)) {
            return latest(created, accepted, lastDecisionDay(c, DecisionStage.OBJECTION, null),
                    lastDecisionDay(c, DecisionStage.DECISION, "return"));
        }
        if (countyTekunWindow(c, step) && c.noticeEndsAt() != null) {
            return noticeLastDay(c);
        }
        return created;
    }

    /** 特困: the county's decision and its spot check before it share one limit from the notice's end. */
    private static boolean countyTekunWindow(AssistanceCase c, String step) {
        return c.programme() == Programme.TEKUN && c.closedAt() == null
                && (COUNTY_DECISION.equals(step) || SPOT_CHECK.equals(step));
    }

    private static String limitName(AssistanceCase c, String step) {
        return countyTekunWindow(c, step) ? COUNTY_DECISION : step;
    }

    /** The last calendar day of the current public notice. */
    private static LocalDate noticeLastDay(AssistanceCase c) {
        return c.noticeEndsAt().minusSeconds(1).atZone(TimeConfig.LEGAL_ZONE).toLocalDate();
    }

    /**
     * The latest of the anchors that happened (not before the first, the fallback); the fallback when
     * none did (a task created without an acceptance).
     */
    private static LocalDate latest(LocalDate fallback, LocalDate... candidates) {
        LocalDate best = null;
        for (LocalDate d : candidates) {
            if (d != null && (best == null || d.isAfter(best))) {
                best = d;
            }
        }
        return best == null ? fallback : best;
    }

    private LocalDate lastDecisionDay(AssistanceCase c, DecisionStage stage, String outcome) {
        LocalDate last = null;
        for (CaseDecision d : records.decisionsOf(c)) {
            if (d.stage() == stage && (outcome == null || outcome.equals(d.outcome()))) {
                last = day(d.decidedAt());
            }
        }
        return last;
    }

    private static LocalDate day(Instant at) {
        return at == null ? null : at.atZone(TimeConfig.LEGAL_ZONE).toLocalDate();
    }

    /**
     * The end of the whole procedure of a case: from acceptance (or submission, before it). An instance
     * whose business key names no case (its start is refused right after) gets the normal limit from
     * today.
     */
    public Date procedureEnds(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        AssistanceCase c = caseNumber == null ? null : cases.findByCaseNumber(caseNumber).orElse(null);
        if (c == null) {
            int days = limits.defaults().getOrDefault(PROCEDURE, 30);
            return Date.from(WorkingDayCalendar.endOf(calendar.plusWorkingDays(calendar.today(), days)));
        }
        return Date.from(procedureEnds(c));
    }

    /**
     * The end of the whole procedure, in working days of the case's county from acceptance:
     * <ul>
     * <li>低保: 30, 20 where the township decides, 45 once extended (an objection, another special
     * circumstance);</li>
     * <li>特困: its own steps, the township's 15 + the 7-day notice + the county's 15; once extended (an
     * objection) a new opinion's 15 and a new notice on top;</li>
     * <li>临时救助: {@code procedure-temporary} (15 by default; 支出型 — an emergency is paid first and has
     * its paperwork limit instead).</li>
     * </ul>
     */
    public Instant procedureEnds(AssistanceCase c) {
        Instant from = c.acceptedAt() != null ? c.acceptedAt() : c.submittedAt();
        LocalDate start = day(from);
        String county = c.countyCode();
        String programme = c.programme().name();
        if (c.programme() == Programme.TEKUN) {
            LocalDate opinion = calendar.plusWorkingDays(county, start, limits.of(TOWNSHIP_REVIEW, programme, county));
            LocalDate noticeEnd = opinion.plusDays(PublicNotice.DAYS);
            if (c.procedureExtended()) {
                LocalDate renewed = calendar.plusWorkingDays(county, noticeEnd, limits.of(OBJECTION, programme, county));
                noticeEnd = renewed.plusDays(PublicNotice.DAYS);
            }
            return WorkingDayCalendar.endOf(
                    calendar.plusWorkingDays(county, noticeEnd, limits.of(COUNTY_DECISION, programme, county)));
        }
        String variant = c.programme() == Programme.TEMPORARY ? PROCEDURE
                : c.procedureExtended() ? PROCEDURE + "-extended"
                : c.approvalDelegated() ? PROCEDURE + "-delegated" : PROCEDURE;
        int days = limits.of(variant, programme, county);
        return WorkingDayCalendar.endOf(calendar.plusWorkingDays(county, start, days));
    }

    private AssistanceCase caseOrNull(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        return key == null ? null : cases.findByCaseNumber(key).orElse(null);
    }

    /** The subject of an execution that is no case's; a business key nobody knows is refused as before. */
    private WorkSubject subjectOf(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        return subjects.of(key).orElseGet(() -> {
            cases.require(key);
            throw new IllegalStateException("no case or other work numbered " + key);
        });
    }
}
