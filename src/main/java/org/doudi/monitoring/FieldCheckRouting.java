package org.doudi.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Who works {@code Task_FieldCheck}: {@code ${fieldCheckRouting.groups(execution)}}. */
@Component("fieldCheckRouting")
public class FieldCheckRouting {

    private final FieldChecks checks;

    FieldCheckRouting(FieldChecks checks) {
        this.checks = checks;
    }

    /** The village clerk and the township's caseworkers of the checked person's village. */
    public String groups(DelegateExecution execution) {
        return checks.groups(execution.getProcessBusinessKey());
    }
}
