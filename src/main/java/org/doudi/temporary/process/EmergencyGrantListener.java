package org.doudi.temporary.process;

import static org.doudi.temporary.process.TemporaryAssistanceProcess.VAR_GRANT_AMOUNT;

import java.math.BigDecimal;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.cases.IntakeRefusedException;
import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.fund.InsufficientFundsException;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.doudi.temporary.TemporaryGrants;
import org.springframework.stereotype.Component;

/**
 * On leaving {@code Task_EmergencyGrant}: pays the grant from the reserve fund in the completion's
 * transaction, or forwards it to the county above the township's cap. A grant the fund cannot cover
 * is refused and the task stays open with nothing paid.
 */
@Component("emergencyGrantListener")
class EmergencyGrantListener extends TaskOutcomeListener {

    /** Optional: leave the decision to the county whatever the amount (e.g. the fund is short). */
    static final String VAR_SUBMIT_TO_COUNTY = "submitToCounty";

    private final TemporaryGrants grants;

    EmergencyGrantListener(TemporaryGrants grants, Actors actors) {
        super(actors);
        this.grants = grants;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        BigDecimal amount = in.requiredAmount(VAR_GRANT_AMOUNT);
        if (amount != null && amount.signum() == 0) {
            in.reject(VAR_GRANT_AMOUNT, "必须大于 0");
        }
        boolean toCounty = in.optionalBoolean(VAR_SUBMIT_TO_COUNTY, false);
        in.validate();
        try {
            grants.townshipGrant(caseNumber, amount, toCounty, actor);
        } catch (InsufficientFundsException e) {
            throw new FormFieldValidationException(VAR_GRANT_AMOUNT, e.getMessage());
        } catch (IntakeRefusedException e) {
            throw new FormFieldValidationException(VAR_GRANT_AMOUNT, e.getMessage());
        }
    }
}
