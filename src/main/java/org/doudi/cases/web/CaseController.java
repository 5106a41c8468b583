package org.doudi.cases.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDecision;
import org.doudi.cases.CaseQueries;
import org.doudi.cases.CaseQueries.CaseDetails;
import org.doudi.cases.ApprovedBenefit;
import org.doudi.cases.TimelineEntry;
import org.doudi.household.HouseholdMember;
import org.doudi.household.ResidentId;
import org.doudi.security.Actors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /api/cases/{caseNumber}}: a case, its status, its amounts and its timeline. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseQueries queries;
    private final Actors actors;

    CaseController(CaseQueries queries, Actors actors) {
        this.queries = queries;
        this.actors = actors;
    }

    /**
     * {@code acceptedAt}: 受理, from which the whole procedure counts; {@code investigationStartedAt}: when the
     * home investigation started; {@code procedureExtendedReason}: why the whole procedure runs to its longer
     * limit (an objection, another special circumstance), {@code null} while it runs normally;
     * {@code nearRelative}: registered separately as a near relative of staff (近亲属备案).
     */
    record CaseView(String caseNumber, String programme, String kind, String status, String statusLabel,
            String villageCode, String townshipCode, String countyCode, String applicantName,
            String applicantIdNumber, int householdSize, boolean approvalDelegated, Instant submittedAt,
            Instant acceptedAt, Instant investigationStartedAt, String procedureExtendedReason, boolean nearRelative,
            Instant closedAt, BigDecimal requestedAmount, BigDecimal monthlyAmount, String benefitStartMonth,
            EnrolmentView enrolment,
            List<MemberView> members, List<DecisionView> decisions, List<TimelineView> timeline,
            Map<String, Object> details) {

        /** The democratic appraisals (民主评议) of the case, also at the top of the answer; always a list. */
        @JsonProperty("appraisals")
        Object appraisals() {
            return details == null ? List.of() : details.getOrDefault("appraisals", List.of());
        }

        /** The number of the enrolment (保障对象) the approval started, once it exists; absent before. */
        @JsonProperty("enrolmentNumber")
        Object enrolmentNumber() {
            return details == null ? null : details.get("enrolmentNumber");
        }
    }

    /**
     * {@code ableToWork}: presumed on the day of application from age (within the county's working age),
     * schooling and disability — not the 特困 presumption;
     * {@code declaredAbleToWork}: what the application said, which decides nothing.
     */
    record MemberView(String name, String idNumber, String relation, Integer disabilityGrade,
            String disabilityCategory, boolean seriousIllness, boolean ableToWork, Boolean declaredAbleToWork,
            boolean inSchool) {
    }

    record EnrolmentView(BigDecimal monthlyAmount, String benefitStartMonth, String unit, int persons,
            String careLevel, String supportMode) {
    }

    record DecisionView(Instant at, String stage, String outcome, String opinion, String actor) {
    }

    record TimelineView(Instant at, String step, String stepLabel, String actor, String outcome, String detail) {
    }

    @GetMapping("/{caseNumber}")
    CaseView get(@PathVariable String caseNumber) {
        CaseDetails d = queries.details(caseNumber, actors.currentScope());
        AssistanceCase c = d.assistanceCase();
        ApprovedBenefit e = d.enrolment().orElse(null);
        return new CaseView(c.caseNumber(), c.programme().name(), c.kind(), c.status().name(), c.status().label(),
                c.villageCode(), c.townshipCode(), c.countyCode(), c.applicantName(),
                ResidentId.mask(c.applicantIdNumber()), c.household().size(), c.approvalDelegated(),
                c.submittedAt(), c.acceptedAt(), c.investigationStartedAt(), c.procedureExtendedReason(),
                c.nearRelative(), c.closedAt(), c.requestedAmount(),
                e == null ? null : e.monthlyAmount(), e == null ? null : e.benefitStartMonth(),
                e == null ? null : new EnrolmentView(e.monthlyAmount(), e.benefitStartMonth(), e.unit().name(),
                        e.persons(), e.careLevel(), e.supportMode()),
                c.household().members().stream().map(CaseController::member).toList(),
                d.decisions().stream().map(CaseController::decision).toList(),
                d.timeline().stream().map(CaseController::entry).toList(),
                d.details());
    }

    private static MemberView member(HouseholdMember m) {
        return new MemberView(m.name(), ResidentId.mask(m.idNumber()), m.relation().name(), m.disabilityGrade(),
                m.disabilityCategory() == null ? null : m.disabilityCategory().name(), m.seriousIllness(),
                m.ableToWork(), m.declaredAbleToWork(), m.inSchool());
    }

    private static DecisionView decision(CaseDecision d) {
        return new DecisionView(d.decidedAt(), d.stage().name(), d.outcome(), d.opinion(), d.actor());
    }

    private static TimelineView entry(TimelineEntry t) {
        return new TimelineView(t.at(), t.step().name(), t.step().label(), t.actor(), t.outcome(), t.detail());
    }
}
