package org.doudi.cases;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A process step that the case does not allow, however it was reached: a start for a case that has its
 * instance, a step of an instance that is not the case's own, a grant without an approval, a notice
 * ended early. Thrown inside the engine command, so everything it did rolls back. {@code /engine-rest}
 * answers a {@link BadUserRequestException} with 400; in a job it becomes an incident at once (see
 * {@code cases.process.RefusedStepRetries}), since retrying would not change the case.
 * <p>
 * The message is Chinese with English in parentheses and names the case number, never a resident ID.
 */
public class StepRefusedException extends BadUserRequestException {

    private final String caseNumber;

    public StepRefusedException(String caseNumber, String chinese, String english) {
        super(chinese + " (" + english + ")");
        this.caseNumber = caseNumber;
    }

    /**
     * A business key as a message may repeat it: itself when it has the shape of a case number, else a
     * placeholder (whoever started the instance may have put a resident ID there).
     */
    public static String shown(String businessKey) {
        return businessKey != null && businessKey.matches("[A-Z]{2,4}-\\d{4}-\\d{9}-\\d{6}") ? businessKey
                : "（业务键非案件编号）";
    }

    /** The case the step was refused for, or {@code null} when the business key named none. */
    public String caseNumber() {
        return caseNumber;
    }
}
