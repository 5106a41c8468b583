package org.doudi.shared;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task form submission refused by our checks, naming every field that was wrong. It is a
 * {@link FormFieldValidationException}, the engine exception that {@code /engine-rest} answers with
 * 400 (Tasklist shows its message) and whose transaction is rolled back, so the task stays open.
 */
public class RefusedSubmission extends FormFieldValidationException {

    private final List<String> fields;

    public RefusedSubmission(List<String> fields, String message) {
        super(fields.get(0), message);
        this.fields = List.copyOf(fields);
    }

    /** The fields that were refused, by their form keys (never their values). */
    public List<String> fields() {
        return fields;
    }

    /** The fields of any refusal: all of ours; of another, the one its detail names (our listeners pass the key). */
    public static List<String> fieldsOf(FormFieldValidationException e) {
        if (e instanceof RefusedSubmission r) {
            return r.fields();
        }
        return e.getDetail() instanceof String field ? List.of(field) : List.of();
    }
}
