package org.doudi.cases;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A step was asked of a case whose status does not allow it (e.g. an objection after the notice).
 * {@code /api} answers it with 409; inside the engine it is a {@link BadUserRequestException}, so that a
 * modification through {@code /engine-rest} reaching a step out of turn is answered with 400 and the
 * reason, not 500, and a job failing on it becomes an incident at once.
 */
public class CaseStateException extends BadUserRequestException {

    private final String caseNumber;
    private final CaseStatus status;

    public CaseStateException(String caseNumber, CaseStatus status, String action) {
        super("案件 " + caseNumber + " 当前为“" + (status == null ? "?" : status.label()) + "”，不能执行此步骤 (case "
                + caseNumber + " is " + status + ": cannot " + action + ")");
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
