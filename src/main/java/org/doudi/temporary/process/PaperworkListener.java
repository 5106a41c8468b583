package org.doudi.temporary.process;

import static org.doudi.temporary.process.TemporaryAssistanceProcess.VAR_PAPERWORK_COMPLETE;
import static org.doudi.temporary.process.TemporaryAssistanceProcess.VAR_PAPERWORK_NOTES;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.doudi.temporary.TemporaryGrants;
import org.springframework.stereotype.Component;

/** On leaving {@code Task_CompletePaperwork}: complete (the case is granted), or what is still missing. */
@Component("paperworkListener")
class PaperworkListener extends TaskOutcomeListener {

    private final TemporaryGrants grants;

    PaperworkListener(TemporaryGrants grants, Actors actors) {
        super(actors);
        this.grants = grants;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        Boolean complete = in.requiredBoolean(VAR_PAPERWORK_COMPLETE);
        String notes = Boolean.FALSE.equals(complete) ? in.requiredText(VAR_PAPERWORK_NOTES, 2000)
                : in.optionalText(VAR_PAPERWORK_NOTES, 2000);
        in.validate();
        grants.paperwork(caseNumber, complete, notes, actor);
    }
}
