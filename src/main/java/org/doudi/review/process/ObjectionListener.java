package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_OBJECTION_FINDINGS;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_OBJECTION_UPHELD;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.review.Objections;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/** On leaving {@code Task_HandleObjection}: upheld (with what was found) or not. */
@Component("objectionListener")
class ObjectionListener extends TaskOutcomeListener {

    private final Objections objections;

    ObjectionListener(Objections objections, Actors actors) {
        super(actors);
        this.objections = objections;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        Boolean upheld = in.requiredBoolean(VAR_OBJECTION_UPHELD);
        String findings = Boolean.TRUE.equals(upheld) ? in.requiredText(VAR_OBJECTION_FINDINGS, 2000)
                : in.optionalText(VAR_OBJECTION_FINDINGS, 2000);
        in.validate();
        objections.resolve(caseNumber, upheld, findings, actor);
    }
}
