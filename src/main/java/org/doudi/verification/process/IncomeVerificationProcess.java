package org.doudi.verification.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.doudi.cases.CalledProcess;
import org.doudi.cases.TaskAnswers;
import org.doudi.security.SystemAuthority;
import org.doudi.verification.SelfCareActivity;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/IncomeVerification.bpmn}: data verification (信息核对), the home visit
 * (入户调查) and the income computation with the eligibility tables. Called by the application
 * processes with all their variables; the business key is the case number. It never runs on its own:
 * its steps act only inside the instance bound to the case ({@link CalledProcess}).
 */
@Component
public final class IncomeVerificationProcess implements CalledProcess, TaskAnswers {

    public static final String KEY = "IncomeVerification";

    public static final String TASK_DATA_VERIFICATION = "Task_DataVerification";
    public static final String TASK_HOME_VISIT = "Task_HomeVisit";
    public static final String TASK_COMPUTE_INCOME = "Task_ComputeIncome";
    public static final String TASK_DIBAO_ELIGIBILITY = "Task_DibaoEligibility";
    public static final String TASK_TEKUN_ELIGIBILITY = "Task_TekunEligibility";
    public static final String TASK_RECORD_ELIGIBILITY = "Task_RecordEligibility";
    /** An ineligible 低保/特困 result is told to the applicant (核对结果告知). */
    public static final String TASK_NOTIFY_VERIFICATION_RESULT = "Task_NotifyVerificationResult";
    /** The period in which the applicant may object to an ineligible result ends. */
    public static final String EVENT_OBJECTION_PERIOD_ENDS = "Timer_VerificationObjectionPeriod";
    public static final String EVENT_VERIFICATION_OBJECTION = "Event_VerificationObjection";
    /** After an objection: back to data verification and a new home visit. */
    public static final String TASK_PREPARE_REVERIFICATION = "Task_PrepareReverification";
    public static final String END_VERIFIED = "End_Verified";

    /** The applicant's objection to an ineligible verification result, correlated by business key. */
    public static final String MSG_VERIFICATION_OBJECTION = "Msg_VerificationObjection";

    /** Decision tables in processes/. */
    public static final String DMN_DIBAO_ELIGIBILITY = "DibaoEligibility";
    public static final String DMN_TEKUN_ELIGIBILITY = "TekunEligibility";
    public static final String DMN_TEKUN_CARE_LEVEL = "TekunCareLevel";
    public static final String DMN_TEKUN_SUPPORT_MODE = "TekunSupportMode";
    public static final String DMN_TEMPORARY_ELIGIBILITY = "TemporaryEligibility";

    // Shown on the home-visit form, read from the recorded findings when the task is created.
    public static final String VAR_FINDINGS = "verificationFindings";
    public static final String VAR_FINDING_COUNT = "findingCount";

    // Home-visit form fields (contract), 元 per month for the household.
    public static final String VAR_WAGE_INCOME = "wageIncome";
    public static final String VAR_EMPLOYMENT_COST = "employmentCost";
    public static final String VAR_BUSINESS_INCOME = "businessIncome";
    public static final String VAR_PROPERTY_INCOME = "propertyIncome";
    public static final String VAR_TRANSFER_INCOME = "transferIncome";
    public static final String VAR_RIGID_EXPENSE = "rigidExpense";
    /** Optional: income that is not counted (优抚金, 奖学金 …). */
    public static final String VAR_EXCLUDED_INCOME = "excludedIncome";
    public static final String VAR_ASSETS_WITHIN_LIMIT = "assetsWithinLimit";
    public static final String VAR_VISIT_NOTES = "visitNotes";
    /** 特困, optional: a legal supporter able to support (judged from the household when left out). */
    public static final String VAR_HAS_ABLE_SUPPORTER = "hasAbleSupporter";
    /** 特困, optional: wishes 集中供养. */
    public static final String VAR_WANTS_CENTRALISED_CARE = "wantsCentralisedCare";
    /**
     * 特困, optional: the finding on the applicant's ability to work, {@code presumed} (default: from age
     * and disability), {@code yes} or {@code no} ({@link org.doudi.verification.WorkAbilityFinding}).
     */
    public static final String VAR_ABLE_TO_WORK_FINDING = "applicantAbleToWork";
    /** 特困: why the finding departs from what age and disability presume; required then. */
    public static final String VAR_ABLE_TO_WORK_REASON = "ableToWorkReason";
    /** Shown on the home-visit form of a 特困 case: the presumption and the application's declaration. */
    public static final String VAR_WORK_ABILITY_NOTE = "workAbilityNote";

    // Inputs of the decision tables, written by Task_ComputeIncome.
    public static final String VAR_PER_CAPITA_INCOME = "perCapitaIncome";
    public static final String VAR_DIBAO_STANDARD = "dibaoStandard";
    public static final String VAR_SINGLE_PERSON_LINE = "singlePersonLine";
    public static final String VAR_DISPOSABLE_INCOME_LINE = "disposableIncomeLine";
    public static final String VAR_SEVERE_MEMBER_PRESENT = "severeMemberPresent";
    public static final String VAR_APPLICANT_AGE = "applicantAge";
    public static final String VAR_APPLICANT_SEVERELY_DISABLED = "applicantSeverelyDisabled";
    /** 特困: able to work as the investigation found it (a boolean; not the form's finding of that name). */
    public static final String VAR_APPLICANT_CAN_WORK = "applicantCanWork";
    /** 特困: the applicant's own counted monthly income. */
    public static final String VAR_APPLICANT_INCOME = "applicantIncome";
    /** 特困: the line the applicant's own income must be under (the 低保标准 unless a county sets its own). */
    public static final String VAR_TEKUN_INCOME_LINE = "tekunIncomeLine";
    public static final String VAR_UNMANAGED_ACTIVITIES = "unmanagedActivities";

    // Outputs of the decision tables.
    public static final String VAR_ELIGIBILITY = "eligibility";
    public static final String VAR_CARE_LEVEL = "careLevel";
    public static final String VAR_SUPPORT_MODE = "supportMode";

    // Written by Task_RecordEligibility.
    public static final String VAR_ELIGIBLE = "eligible";
    public static final String VAR_PROPOSED_AMOUNT = "proposedAmount";
    /** Shown on the review forms, read from the recorded assessment when a task is created. */
    public static final String VAR_ASSESSMENT_SUMMARY = "assessmentSummary";

    private final RuntimeService runtimeService;
    private final SystemAuthority system;

    IncomeVerificationProcess(RuntimeService runtimeService, SystemAuthority system) {
        this.runtimeService = runtimeService;
        this.system = system;
    }

    /**
     * Delivers the applicant's objection to the waiting verification of the case.
     *
     * @return false when no verification of the case waits for one
     */
    public boolean correlateVerificationObjection(String caseNumber) {
        try {
            system.call(() -> runtimeService.createMessageCorrelation(MSG_VERIFICATION_OBJECTION)
                    .processInstanceBusinessKey(caseNumber)
                    .correlateWithResult());
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
    }

    @Override
    public String processKey() {
        return KEY;
    }

    /**
     * The home visit's report: a second visit (after an upheld objection or an objection to the verification
     * result) starts from an empty form and makes its own finding on the ability to work.
     */
    @Override
    public Map<String, List<String>> answersByTask() {
        List<String> report = new ArrayList<>(List.of(VAR_WAGE_INCOME, VAR_EMPLOYMENT_COST, VAR_BUSINESS_INCOME,
                VAR_PROPERTY_INCOME, VAR_TRANSFER_INCOME, VAR_EXCLUDED_INCOME, VAR_RIGID_EXPENSE,
                VAR_ASSETS_WITHIN_LIMIT, VAR_HAS_ABLE_SUPPORTER));
        Arrays.stream(SelfCareActivity.values()).map(SelfCareActivity::formField).forEach(report::add);
        report.addAll(List.of(VAR_WANTS_CENTRALISED_CARE, VAR_VISIT_NOTES, VAR_ABLE_TO_WORK_FINDING,
                VAR_ABLE_TO_WORK_REASON));
        return Map.of(TASK_HOME_VISIT, List.copyOf(report));
    }
}
