package org.doudi.cases.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.Programme;
import org.doudi.region.StaffRole;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who acts and which way the case goes, read from the case itself, for the models' expressions:
 * {@code ${caseRouting.townshipGroup(execution)}}. Process variables can be set by anyone completing a
 * task, so routing never trusts them: a caseworker cannot send a decision to his own inbox or shorten
 * the public notice by submitting a variable.
 */
@Component("caseRouting")
@Transactional(readOnly = true)
public class CaseRouting {

    private final CaseRepository cases;

    CaseRouting(CaseRepository cases) {
        this.cases = cases;
    }

    /** {@code township-<9 digits>} of the case's township. */
    public String townshipGroup(DelegateExecution execution) {
        return StaffRole.TOWNSHIP_CASEWORKER.groupFor(caseOf(execution).townshipCode());
    }

    /** {@code county-<6 digits>} of the case's county. */
    public String countyGroup(DelegateExecution execution) {
        return StaffRole.COUNTY_REVIEWER.groupFor(caseOf(execution).countyCode());
    }

    /**
     * The home visit (入户调查): the township's group, or the county's when the case is registered
     * separately as a near relative of township or village staff (近亲属备案: the county visits).
     */
    public String homeVisitGroup(DelegateExecution execution) {
        AssistanceCase c = caseOf(execution);
        return c.nearRelative() ? StaffRole.COUNTY_REVIEWER.groupFor(c.countyCode())
                : StaffRole.TOWNSHIP_CASEWORKER.groupFor(c.townshipCode());
    }

    /**
     * After {@code Task_AcceptApplication}: neither accepted nor refused, the case still waits for
     * acceptance (an adult's 核对授权书 is missing; the one-time notice is recorded), and the task comes back.
     */
    public boolean awaitsAcceptance(DelegateExecution execution) {
        return caseOf(execution).status() == CaseStatus.SUBMITTED;
    }

    /** The county's group, or the township's when the county has delegated the decision. */
    public String decisionGroup(DelegateExecution execution) {
        AssistanceCase c = caseOf(execution);
        return c.approvalDelegated() ? StaffRole.TOWNSHIP_CASEWORKER.groupFor(c.townshipCode())
                : StaffRole.COUNTY_REVIEWER.groupFor(c.countyCode());
    }

    /** {@code DIBAO}, {@code TEKUN} or {@code TEMPORARY}. */
    public String programme(DelegateExecution execution) {
        return caseOf(execution).programme().name();
    }

    public boolean isTekun(DelegateExecution execution) {
        return caseOf(execution).programme() == Programme.TEKUN;
    }

    public boolean isDelegated(DelegateExecution execution) {
        return caseOf(execution).approvalDelegated();
    }

    /** When the current public notice ends. */
    public Date noticeEndsAt(DelegateExecution execution) {
        AssistanceCase c = caseOf(execution);
        if (c.noticeEndsAt() == null) {
            throw new IllegalStateException("case " + c.caseNumber() + " has no public notice");
        }
        return Date.from(c.noticeEndsAt());
    }

    private AssistanceCase caseOf(DelegateExecution execution) {
        return cases.require(execution.getProcessBusinessKey());
    }
}
