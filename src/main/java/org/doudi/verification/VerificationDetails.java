package org.doudi.verification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDetailsContributor;
import org.springframework.stereotype.Component;

/** Adds the verification findings, the home visit and the income assessment to the case view. */
@Component
class VerificationDetails implements CaseDetailsContributor {

    private final DataVerification verification;
    private final Investigations investigations;

    VerificationDetails(DataVerification verification, Investigations investigations) {
        this.verification = verification;
        this.investigations = investigations;
    }

    @Override
    public void contribute(AssistanceCase c, Map<String, Object> details) {
        var findings = verification.findingsOf(c).stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", f.source());
            m.put("category", f.category().name());
            m.put("member", f.memberName());
            m.put("description", f.description());
            m.put("amount", f.amount());
            return m;
        }).toList();
        if (!findings.isEmpty()) {
            details.put("verificationFindings", findings);
        }
        investigations.latestHomeVisit(c).ifPresent(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            IncomeFigures f = v.income();
            m.put("wageIncome", f.wage());
            m.put("employmentCost", f.employmentCost());
            m.put("businessIncome", f.business());
            m.put("propertyIncome", f.property());
            m.put("transferIncome", f.transfer());
            m.put("excludedIncome", f.excluded());
            m.put("rigidExpense", f.rigidExpense());
            m.put("assetsWithinLimit", v.assetsWithinLimit());
            m.put("unmanagedActivities", v.unmanagedActivities());
            m.put("visitNotes", v.notes());
            m.put("applicantAbleToWork", v.applicantAbleToWork().formValue());
            m.put("ableToWorkReason", v.ableToWorkReason());
            m.put("visitedBy", v.visitedBy());
            m.put("visitedAt", v.visitedAt());
            details.put("homeVisit", m);
        });
        investigations.latestAssessment(c).ifPresent(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("countedIncome", a.countedIncome());
            m.put("excludedIncome", a.excludedIncome());
            m.put("deductions", a.deductions());
            m.put("householdSize", a.householdSize());
            m.put("perCapitaIncome", a.perCapitaIncome());
            m.put("ownIncome", a.ownIncome());
            m.put("standard", a.standard());
            m.put("eligibility", a.outcome().name());
            m.put("enrolmentUnit", a.enrolmentUnit().name());
            m.put("enrolledPersons", a.enrolledPersons());
            m.put("proposedAmount", a.proposedAmount());
            m.put("computedAmount", a.computedAmount());
            m.put("amountRule", a.amountRule());
            m.put("policyEffectiveFrom", a.policyEffectiveFrom() == null ? null : a.policyEffectiveFrom().toString());
            m.put("careLevel", a.careLevel() == null ? null : a.careLevel().name());
            m.put("supportMode", a.supportMode() == null ? null : a.supportMode().name());
            details.put("income", m);
        });
    }
}
