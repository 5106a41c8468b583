package org.doudi.temporary.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.CaseStatus;
import org.doudi.region.RegionService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Branches and times of {@code TemporaryAssistance}, read from the case and its county's policy (never
 * from process variables): {@code ${temporaryRouting.isEmergency(execution)}}.
 */
@Component("temporaryRouting")
@Transactional(readOnly = true)
public class TemporaryRouting {

    private final CaseRepository cases;
    private final RegionService regions;
    private final Clock clock;

    TemporaryRouting(CaseRepository cases, RegionService regions, Clock clock) {
        this.cases = cases;
        this.regions = regions;
        this.clock = clock;
    }

    public boolean isEmergency(DelegateExecution execution) {
        return caseOf(execution).isEmergency();
    }

    /** The township's grant was above its cap: the county decides. */
    public boolean awaitsCounty(DelegateExecution execution) {
        return caseOf(execution).status() == CaseStatus.COUNTY_DECISION;
    }

    /** Paid, with the paperwork still to complete (emergency grants). */
    public boolean inPaperwork(DelegateExecution execution) {
        return caseOf(execution).status() == CaseStatus.PAPERWORK;
    }

    /** When to check on the family: the county's number of days after the case closed as granted. */
    public Date followUpAt(DelegateExecution execution) {
        AssistanceCase c = caseOf(execution);
        Instant granted = c.closedAt() == null ? clock.instant() : c.closedAt();
        return Date.from(granted.plusSeconds(86_400L * regions.policyOf(c.countyCode()).followUpDays()));
    }

    private AssistanceCase caseOf(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        return cases.require(caseNumber);
    }
}
