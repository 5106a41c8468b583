package org.doudi.reports;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of {@code ProgressReportSchedule.bpmn}, a thin bean named as in the model. */
@Configuration(proxyBeanMethods = false)
class ReportDelegates {

    /** {@code Task_KeepProgressReports}: every county's report of the quarter that ended, kept. */
    @Bean
    JavaDelegate keepProgressReports(ProgressReports reports) {
        return execution -> reports.keepLastQuarter("system");
    }
}
