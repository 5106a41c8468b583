package org.doudi.referral.process;

import static org.doudi.referral.process.PovertyOfficeReferralProcess.VAR_MEASURES;
import static org.doudi.referral.process.PovertyOfficeReferralProcess.VAR_OUTCOME;

import java.util.Locale;
import java.util.Set;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.referral.Referral;
import org.doudi.referral.Referrals;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/** On leaving {@code Task_PovertyOfficeHandling}: the poverty office's answer, with its measures. */
@Component("referralListener")
class ReferralListener extends TaskOutcomeListener {

    private final Referrals referrals;

    ReferralListener(Referrals referrals, Actors actors) {
        super(actors);
        this.referrals = referrals;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        String outcome = in.requiredChoice(VAR_OUTCOME, Set.of("assisted", "declined"));
        String measures = in.requiredText(VAR_MEASURES, 2000);
        in.validate();
        referrals.answer(caseNumber, Referral.Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)), measures, actor);
    }
}
