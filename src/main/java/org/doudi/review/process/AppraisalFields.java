package org.doudi.review.process;

import java.util.ArrayList;
import java.util.List;

import org.doudi.review.AppraisalInput;
import org.doudi.review.AppraisalInput.Names;
import org.doudi.review.Appraisals;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.FormInput;

/** The optional 民主评议 part of the township-review and objection forms ({@link Names#FORM}). */
final class AppraisalFields {

    private AppraisalFields() {
    }

    /** The appraisal filled in, or {@code null} (none, or refused: the problems are on {@code in}). */
    static AppraisalInput read(Appraisals appraisals, String caseNumber, FormInput in) {
        Names f = Names.FORM;
        List<FieldViolation> problems = new ArrayList<>();
        AppraisalInput appraisal = appraisals.fromForm(caseNumber, in.value(f.heldOn()), in.value(f.participants()),
                in.value(f.participantCount()), in.value(f.result()), in.value(f.notes()), problems);
        problems.forEach(p -> in.reject(p.field(), p.message()));
        return appraisal;
    }
}
