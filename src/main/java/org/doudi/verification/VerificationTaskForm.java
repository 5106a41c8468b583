package org.doudi.verification;

import static org.doudi.verification.process.IncomeVerificationProcess.VAR_ASSESSMENT_SUMMARY;
import static org.doudi.verification.process.IncomeVerificationProcess.VAR_FINDINGS;

import java.util.Map;
import java.util.Optional;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.TaskFormContext;
import org.doudi.cases.TaskFormContributor;
import org.springframework.stereotype.Component;

/**
 * On every task of a case: what data verification found ({@code {{verificationFindings}}}, the home
 * visit form) and the income assessment ({@code {{assessmentSummary}}}, the review forms), as recorded.
 */
@Component
class VerificationTaskForm implements TaskFormContributor {

    private final DataVerification verification;
    private final Investigations investigations;

    VerificationTaskForm(DataVerification verification, Investigations investigations) {
        this.verification = verification;
        this.investigations = investigations;
    }

    @Override
    public void contribute(TaskFormContext task, Map<String, Object> variables) {
        AssistanceCase c = task.caseFile();
        Optional<IncomeAssessment> assessment = c.acceptedAt() == null ? Optional.empty()
                : investigations.latestAssessment(c);
        variables.put(VAR_ASSESSMENT_SUMMARY, assessment.map(a -> investigations.summaryToday(c, a)).orElse(null));
        // Only a case that went through verification has findings to show (an emergency grant does not).
        boolean verified = c.status() == CaseStatus.INVESTIGATION || assessment.isPresent();
        variables.put(VAR_FINDINGS, verified ? DataVerification.summarise(verification.findingsOf(c)) : null);
    }
}
