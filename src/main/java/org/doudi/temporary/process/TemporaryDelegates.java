package org.doudi.temporary.process;

import static org.doudi.temporary.process.TemporaryAssistanceProcess.VAR_APPROVED_AMOUNT;
import static org.doudi.temporary.process.TemporaryAssistanceProcess.VAR_LINKED_CASE_NUMBER;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.TimelineStep;
import org.doudi.fund.ReserveFunds;
import org.doudi.security.Actors;
import org.doudi.shared.Money;
import org.doudi.shared.FormInput;
import org.doudi.temporary.TemporaryGrants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code TemporaryAssistance}, each a bean named as in the model. */
@Configuration(proxyBeanMethods = false)
class TemporaryDelegates {

    /** {@code Task_ForwardToCounty}: 支出型, the township agrees; the county decides. */
    @Bean
    JavaDelegate forwardToCounty(CaseRepository cases, CaseRecords records) {
        return execution -> {
            var c = cases.requireLocked(execution.getProcessBusinessKey());
            c.forwardToCounty();
            records.step(c, TimelineStep.TOWNSHIP_REVIEW, Actors.SYSTEM, "forwarded", "报县级审核确认");
        };
    }

    /**
     * {@code Task_GrantFromCounty}: pays the amount the county approved, from county funds. It runs in
     * the transaction of the decision, right after its checks, so nobody can change the amount between.
     */
    @Bean
    JavaDelegate grantFromCounty(TemporaryGrants grants, Actors actors) {
        return execution -> {
            FormInput in = FormInput.of(execution);
            BigDecimal amount = in.requiredAmount(VAR_APPROVED_AMOUNT);
            in.validate();
            grants.countyGrant(execution.getProcessBusinessKey(), amount, actors.currentUserId());
        };
    }

    /** On creating {@code Task_EmergencyGrant}: shows the township's cap and the fund's balance. */
    @Bean
    TaskListener grantContextListener(TemporaryGrants grants, ReserveFunds funds, CaseRepository cases) {
        return task -> {
            String caseNumber = task.getExecution().getProcessBusinessKey();
            String township = cases.findByCaseNumber(caseNumber).orElseThrow().townshipCode();
            task.setVariable(TemporaryAssistanceProcess.VAR_GRANT_CONTEXT, "乡镇审批额度：每案 "
                    + Money.format(grants.townshipCap(caseNumber)) + "；备用金当前余额："
                    + Money.format(funds.balanceOf(township)));
        };
    }

    /** {@code Task_StartDibao}: the family still in difficulty goes into the 低保 procedure. */
    @Bean
    JavaDelegate startDibaoFollowUp(TemporaryGrants grants, Actors actors) {
        return execution -> {
            String dibao = grants.startDibao(execution.getProcessBusinessKey(), actors.currentUserId());
            if (dibao != null) {
                execution.setVariable(VAR_LINKED_CASE_NUMBER, dibao);
            }
        };
    }
}
