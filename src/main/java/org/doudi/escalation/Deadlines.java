package org.doudi.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.TimeConfig;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Due dates and escalation moments for the models, in working days of the official calendar:
 * {@code camunda:dueDate="${deadlines.due(execution, 'county-decision')}"}. The step names are in the
 * models; the numbers in {@link TimeLimits}. A deadline falls at the end of its day (China Standard Time).
 */
@Component("deadlines")
@Transactional(readOnly = true)
public class Deadlines {

    /** Whole procedure (办理时限) from acceptance: normal, delegated, extended after an objection. */
    public static final String PROCEDURE = "procedure";

    private final TimeLimits limits;
    private final WorkingDayCalendar calendar;
    private final CaseRepository cases;

    Deadlines(TimeLimits limits, WorkingDayCalendar calendar, CaseRepository cases) {
        this.limits = limits;
        this.calendar = calendar;
        this.cases = cases;
    }

    /** The due date of a step that starts now. */
    public Date due(DelegateExecution execution, String step) {
        return Date.from(WorkingDayCalendar.endOf(dueDay(caseOf(execution), step, calendar.today())));
    }

    /** When an overdue task escalates: level 1 at its due date, level 2 some working days later. */
    public Date escalation(DelegateExecution execution, String step, int level) {
        LocalDate due = dueDay(caseOf(execution), step, calendar.today());
        LocalDate day = level <= 1 ? due : calendar.plusWorkingDays(due, limits.escalationLevel2After());
        return Date.from(WorkingDayCalendar.endOf(day));
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
        return Date.from(procedureEnds(c, false));
    }

    /**
     * The end of the whole procedure: 30 working days from acceptance, 20 where the township decides,
     * 45 once extended (an objection was raised).
     */
    public Instant procedureEnds(AssistanceCase c, boolean extended) {
        String variant = extended ? PROCEDURE + "-extended" : c.approvalDelegated() ? PROCEDURE + "-delegated"
                : PROCEDURE;
        Instant from = c.acceptedAt() != null ? c.acceptedAt() : c.submittedAt();
        LocalDate start = from.atZone(TimeConfig.LEGAL_ZONE).toLocalDate();
        int days = limits.of(variant, c.programme().name(), c.countyCode());
        return WorkingDayCalendar.endOf(calendar.plusWorkingDays(start, days));
    }

    LocalDate dueDay(AssistanceCase c, String step, LocalDate from) {
        return calendar.plusWorkingDays(from, limits.of(step, c.programme().name(), c.countyCode()));
    }

    private AssistanceCase caseOf(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        return cases.require(caseNumber);
    }
}
