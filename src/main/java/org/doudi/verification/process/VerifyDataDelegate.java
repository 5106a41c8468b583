package org.doudi.verification.process;

import static org.doudi.verification.process.IncomeVerificationProcess.VAR_FINDING_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.safeguards.Authorisations;
import org.doudi.verification.DataVerification;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DataVerification} (asynchronous, with a retry cycle): a source that fails throws, the job
 * is retried and then raises an incident that an operator retries from Cockpit. It refuses to run while an
 * adult member's signed authorisation (核对授权书) is not recorded — the second lock behind the acceptance
 * loop of the models: the refusal is an incident at once, with the names in its message.
 */
@Component("verifyData")
class VerifyDataDelegate implements JavaDelegate {

    private final DataVerification verification;
    private final Authorisations authorisations;

    VerifyDataDelegate(DataVerification verification, Authorisations authorisations) {
        this.verification = verification;
        this.authorisations = authorisations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        authorisations.requireComplete(execution.getProcessBusinessKey());
        DataVerification.Result result = verification.verify(execution.getProcessBusinessKey());
        execution.setVariable(VAR_FINDING_COUNT, result.findingCount());
    }
}
