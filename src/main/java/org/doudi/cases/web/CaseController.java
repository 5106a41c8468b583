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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/cases/{caseNumber}}: a case, its status, its amounts and its timeline. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "案件 Cases")
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

    @Operation(summary = "案件详情 / A case", description = """
            案件的状态、受理与调查时间、家庭成员（身份证号脱敏）、各级决定、民主评议、时间线及核对与入户调查情况；批准后有保障金额和起始月份。

            The case: its status, acceptance and investigation dates, the household (IDs masked), decisions, \
            democratic appraisals, its timeline and details (findings, home visit, income, objections, spot checks); \
            once approved, the monthly amount and the first month of the benefit.""")
    @ApiResponse(responseCode = "200", description = "案件 / The case")
    @ApiResponse(responseCode = "404", description = "案件不存在或不在本人辖区 / No such case, or outside your regions")
    @GetMapping("/{caseNumber}")
    CaseView get(@Parameter(example = "DB-2026-130102100-000042") @PathVariable String caseNumber) {

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
