package org.doudi.temporary.process;

import static org.doudi.temporary.process.TemporaryAssistanceProcess.VAR_LINKED_CASE_NUMBER;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.TimelineStep;
import org.doudi.security.Actors;
import org.doudi.temporary.TemporaryGrants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code TemporaryAssistance}, each a bean named as in the model. */
@Configuration(proxyBeanMethods = false)
class TemporaryDelegates {

    /**
     * {@code Task_ForwardToCounty}: 支出型, the township agrees; the county decides. Runs in the
     * transaction of the township's review, so it records the reviewer.
     */
    @Bean
    JavaDelegate forwardToCounty(CaseRepository cases, CaseRecords records, Actors actors) {
        return execution -> {
            var c = cases.requireLocked(execution.getProcessBusinessKey());
            c.forwardToCounty();
            records.step(c, TimelineStep.TOWNSHIP_REVIEW, actors.currentUserId(), "forwarded", "报县级审核确认");
        };
    }

    /**
     * {@code Task_GrantFromCounty} (asynchronous): pays, from county funds, the amount of the county's
     * recorded approval, once; nothing it reads comes from process variables.
     */
    @Bean
    JavaDelegate grantFromCounty(TemporaryGrants grants) {
        return execution -> grants.countyGrant(execution.getProcessBusinessKey());
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
