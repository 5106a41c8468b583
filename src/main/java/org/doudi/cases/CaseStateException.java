package org.doudi.cases;

/** A step was asked of a case whose status does not allow it (e.g. an objection after the notice). */
public class CaseStateException extends RuntimeException {

    private final String caseNumber;
    private final CaseStatus status;

    public CaseStateException(String caseNumber, CaseStatus status, String action) {
        super("case " + caseNumber + " is " + status + ": cannot " + action);
        this.caseNumber = caseNumber;
        this.status = status;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public CaseStatus status() {
        return status;
    }
}
