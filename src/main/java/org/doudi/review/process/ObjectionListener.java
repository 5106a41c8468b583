package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_OBJECTION_FINDINGS;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_OBJECTION_UPHELD;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.review.AppraisalInput;
import org.doudi.review.Appraisals;
import org.doudi.review.DemocraticAppraisal.RecordedWith;
import org.doudi.review.Objections;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/**
 * On leaving {@code Task_HandleObjection}: upheld (with what was found) or not, and the 民主评议 the township
 * held on it, if it records one.
 */
@Component("objectionListener")
class ObjectionListener extends TaskOutcomeListener {

    private final Objections objections;
    private final Appraisals appraisals;

    ObjectionListener(Objections objections, Appraisals appraisals, Actors actors) {
        super(actors);
        this.objections = objections;
        this.appraisals = appraisals;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        Boolean upheld = in.requiredBoolean(VAR_OBJECTION_UPHELD);
        String findings = Boolean.TRUE.equals(upheld) ? in.requiredText(VAR_OBJECTION_FINDINGS, 2000)
                : in.optionalText(VAR_OBJECTION_FINDINGS, 2000);
        AppraisalInput appraisal = AppraisalFields.read(appraisals, caseNumber, in);
        in.validate();
        if (appraisal != null) {
            appraisals.record(caseNumber, appraisal, RecordedWith.OBJECTION, actor);
        }
        objections.resolve(caseNumber, upheld, findings, actor);
    }
}
