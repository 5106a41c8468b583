package org.doudi.escalation;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service tasks of the supervision parts of the models. */
@Configuration(proxyBeanMethods = false)
class EscalationDelegates {

    /** {@code Task_EscalateProcedure}: the case ran past its whole-procedure limit. */
    @Bean
    JavaDelegate escalateProcedure(Escalations escalations) {
        return escalations::procedureBreached;
    }
}
