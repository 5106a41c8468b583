package org.doudi.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.doudi.region.StaffScope;
import org.doudi.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads cases for staff, within their scope: a case outside it is "not found". */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    private final CaseRepository cases;
    private final ApprovedBenefitRepository enrolments;
    private final CaseRecords records;
    private final List<CaseDetailsContributor> contributors;
    private final List<CaseVisibility> visibilities;

    CaseQueries(CaseRepository cases, ApprovedBenefitRepository enrolments, CaseRecords records,
            List<CaseDetailsContributor> contributors, List<CaseVisibility> visibilities) {
        this.cases = cases;
        this.enrolments = enrolments;
        this.records = records;
        this.contributors = contributors;
        this.visibilities = visibilities;
    }

    /** A case and everything recorded about it. */
    public record CaseDetails(AssistanceCase assistanceCase, Optional<ApprovedBenefit> enrolment,
            List<TimelineEntry> timeline, List<CaseDecision> decisions, Map<String, Object> details) {
    }

    public CaseDetails details(String caseNumber, StaffScope scope) {
        AssistanceCase c = visible(caseNumber, scope);
        Map<String, Object> details = new LinkedHashMap<>();
        contributors.forEach(contributor -> contributor.contribute(c, details));
        return new CaseDetails(c, enrolments.findByCaseId(c.id()), records.timelineOf(c), records.decisionsOf(c),
                details);
    }

    public AssistanceCase visible(String caseNumber, StaffScope scope) {
        return cases.findWithHouseholdByCaseNumber(caseNumber)
                .filter(c -> scope.canSee(c.villageCode()) || visibilities.stream().anyMatch(v -> v.grants(scope, c)))
                .orElseThrow(() -> new NotFoundException("no case " + caseNumber));
    }
}
