package org.doudi.temporary.process;

import static org.doudi.temporary.process.TemporaryAssistanceProcess.VAR_FOLLOW_UP_NOTES;
import static org.doudi.temporary.process.TemporaryAssistanceProcess.VAR_STILL_IN_DIFFICULTY;

import org.doudi.cases.CaseEvents;
import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.doudi.temporary.TemporaryGrants;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * On leaving {@code Task_FollowUpCheck}: still in difficulty (the 低保 procedure follows) or not; the
 * township may also refer the family to the poverty office.
 */
@Component("followUpListener")
class FollowUpListener extends TaskOutcomeListener {

    static final String VAR_REFER = "referToPovertyOffice";

    private final TemporaryGrants grants;
    private final ApplicationEventPublisher events;

    FollowUpListener(TemporaryGrants grants, ApplicationEventPublisher events, Actors actors) {
        super(actors);
        this.grants = grants;
        this.events = events;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        Boolean still = in.requiredBoolean(VAR_STILL_IN_DIFFICULTY);
        String notes = in.optionalText(VAR_FOLLOW_UP_NOTES, 2000);
        boolean refer = in.optionalBoolean(VAR_REFER, false);
        in.validate();
        grants.followUp(caseNumber, still, notes, actor);
        if (refer) {
            events.publishEvent(new CaseEvents.ReferralRequested(caseNumber, "TEMPORARY_FOLLOW_UP",
                    notes == null ? "临时救助跟进回访时转介" : notes, actor));
        }
    }
}
