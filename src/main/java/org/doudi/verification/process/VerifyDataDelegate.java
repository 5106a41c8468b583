package org.doudi.verification.process;

import static org.doudi.verification.process.IncomeVerificationProcess.VAR_FINDING_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.verification.DataVerification;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DataVerification} (asynchronous, with a retry cycle): a source that fails throws, the job
 * is retried and then raises an incident that an operator retries from Cockpit.
 */
@Component("verifyData")
class VerifyDataDelegate implements JavaDelegate {

    private final DataVerification verification;

    VerifyDataDelegate(DataVerification verification) {
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DataVerification.Result result = verification.verify(execution.getProcessBusinessKey());
        execution.setVariable(VAR_FINDING_COUNT, result.findingCount());
    }
}
