package org.doudi.verification.process;

import static org.doudi.verification.process.IncomeVerificationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.verification.Investigations;
import org.doudi.verification.Investigations.RuleInputs;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ComputeIncome}: computes counted and per-capita income and hands the decision tables
 * their inputs. Numbers become {@code Double} variables for FEEL; the amounts themselves stay exact.
 */
@Component("computeIncome")
class ComputeIncomeDelegate implements JavaDelegate {

    private final Investigations investigations;

    ComputeIncomeDelegate(Investigations investigations) {
        this.investigations = investigations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RuleInputs in = investigations.ruleInputs(execution.getProcessBusinessKey());
        execution.setVariable(VAR_PER_CAPITA_INCOME, in.perCapitaIncome().doubleValue());
        execution.setVariable(VAR_DIBAO_STANDARD, in.dibaoStandard().doubleValue());
        execution.setVariable(VAR_SINGLE_PERSON_LINE, in.singlePersonLine().doubleValue());
        if (in.disposableIncomeLine() != null) {
            execution.setVariable(VAR_DISPOSABLE_INCOME_LINE, in.disposableIncomeLine().doubleValue());
        }
        execution.setVariable(VAR_ASSETS_WITHIN_LIMIT, in.assetsWithinLimit());
        execution.setVariable(VAR_SEVERE_MEMBER_PRESENT, in.severeMemberPresent());
        execution.setVariable(VAR_APPLICANT_AGE, in.applicantAge());
        execution.setVariable(VAR_APPLICANT_SEVERELY_DISABLED, in.applicantSeverelyDisabled());
        execution.setVariable(VAR_APPLICANT_CAN_WORK, in.applicantAbleToWork());
        if (in.applicantIncome() != null) {
            execution.setVariable(VAR_APPLICANT_INCOME, in.applicantIncome().doubleValue());
            execution.setVariable(VAR_TEKUN_INCOME_LINE, in.tekunIncomeLine().doubleValue());
        }
        execution.setVariable(VAR_HAS_ABLE_SUPPORTER, in.hasAbleSupporter());
        execution.setVariable(VAR_UNMANAGED_ACTIVITIES, in.unmanagedActivities());
        execution.setVariable(VAR_WANTS_CENTRALISED_CARE, in.wantsCentralisedCare());
    }
}
