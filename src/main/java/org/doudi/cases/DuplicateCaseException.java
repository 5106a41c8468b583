package org.doudi.cases;

/** The person already takes part in an open case of the programme (409). */
public class DuplicateCaseException extends RuntimeException {

    private final String field;
    private final String existingCaseNumber;

    public DuplicateCaseException(String field, Programme programme, String existingCaseNumber) {
        super("an open " + programme + " case already exists for " + field
                + (existingCaseNumber == null ? "" : ": " + existingCaseNumber));
        this.field = field;
        this.existingCaseNumber = existingCaseNumber;
    }

    public String field() {
        return field;
    }

    /** The open case's number, or {@code null} when the caller may not see it. */
    public String existingCaseNumber() {
        return existingCaseNumber;
    }
}
