package org.doudi.monitoring;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code MonitoringSchedule.bpmn} and {@code WatchListRecheck.bpmn}, thin beans named as in the models. */
@Configuration(proxyBeanMethods = false)
class MonitoringDelegates {

    /** {@code Task_StartComparisonRuns}: a comparison run per county with loaded rosters. */
    @Bean
    JavaDelegate startComparisonRuns(ComparisonRuns runs) {
        return execution -> runs.startScheduled();
    }

    /** {@code Task_StartRechecks} of {@code WatchListRecheck.bpmn}: the watch list's due re-checks. */
    @Bean
    JavaDelegate startWatchRechecks(WatchList watchList, FieldChecks checks,
            org.springframework.transaction.PlatformTransactionManager transactions,
            @org.springframework.beans.factory.annotation.Value("${doudi.monitoring.recheck-chunk:500}") int chunk) {
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return execution -> watchList.startDueRechecks(chunk, checks, tx);
    }
}
