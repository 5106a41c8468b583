package org.doudi.temporary;

import java.math.BigDecimal;
import java.util.Map;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDecision;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.Programme;
import org.doudi.cases.TaskFormContext;
import org.doudi.cases.TaskFormContributor;
import org.doudi.fund.ReserveFunds;
import org.doudi.region.RegionService;
import org.doudi.shared.Money;
import org.doudi.temporary.process.TemporaryAssistanceProcess;
import org.springframework.stereotype.Component;

/**
 * On the tasks of a temporary-assistance case: the township's cap and its reserve fund's balance before
 * the emergency grant ({@code {{grantContext}}}), and the grant the township proposed when it forwarded
 * the case to the county ({@code {{grantAmount}}}, recorded with its decision).
 */
@Component
class TemporaryTaskForm implements TaskFormContributor {

    private final RegionService regions;
    private final ReserveFunds funds;

    TemporaryTaskForm(RegionService regions, ReserveFunds funds) {
        this.regions = regions;
        this.funds = funds;
    }

    @Override
    public void contribute(TaskFormContext task, Map<String, Object> variables) {
        AssistanceCase c = task.caseFile();
        boolean temporary = c.programme() == Programme.TEMPORARY;
        String context = null;
        if (temporary && c.isEmergency() && c.status() == CaseStatus.TOWNSHIP_REVIEW) {
            context = "乡镇审批额度：每案 " + Money.format(regions.policyOf(c.countyCode()).townshipCap())
                    + "；备用金当前余额：" + Money.format(funds.balanceOf(c.townshipCode()));
        }
        variables.put(TemporaryAssistanceProcess.VAR_GRANT_CONTEXT, context);
        BigDecimal proposed = !temporary || c.status() != CaseStatus.COUNTY_DECISION ? null
                : task.latest(DecisionStage.TOWNSHIP_REVIEW, DecisionStage.DECISION)
                        .filter(d -> d.stage() == DecisionStage.TOWNSHIP_REVIEW).map(CaseDecision::amount)
                        .orElse(null);
        // Text, for the county form's sentence "乡镇拟救助 {{grantAmount}} 元".
        variables.put(TemporaryAssistanceProcess.VAR_GRANT_AMOUNT, proposed == null ? null : proposed.toPlainString());
    }
}
