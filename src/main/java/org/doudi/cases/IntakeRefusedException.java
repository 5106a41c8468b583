package org.doudi.cases;

/** An application that a rule of the programme refuses, with the reason (409). */
public class IntakeRefusedException extends RuntimeException {

    private final String field;

    public IntakeRefusedException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
