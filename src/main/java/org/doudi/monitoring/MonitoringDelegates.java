package org.doudi.monitoring;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of {@code MonitoringSchedule.bpmn}, a thin bean named as in the model. */
@Configuration(proxyBeanMethods = false)
class MonitoringDelegates {

    /** {@code Task_StartComparisonRuns}: a comparison run per county with loaded rosters. */
    @Bean
    JavaDelegate startComparisonRuns(ComparisonRuns runs) {
        return execution -> runs.startScheduled();
    }
}
