package org.doudi.enrolment;

import org.doudi.shared.ConflictException;

/** A verb asked of an enrolment whose status (or amount history) does not allow it: 409, with the reason in Chinese. */
public class EnrolmentStateException extends ConflictException {

    private final String enrolmentNumber;
    private final EnrolmentStatus status;

    public EnrolmentStateException(String enrolmentNumber, EnrolmentStatus status, String action, String english) {
        super("保障对象 " + enrolmentNumber + " 当前为“" + status.label() + "”，不能" + action + " (enrolment "
                + enrolmentNumber + " is " + status + ": cannot " + english + ")");
        this.enrolmentNumber = enrolmentNumber;
        this.status = status;
    }

    public String enrolmentNumber() {
        return enrolmentNumber;
    }

    public EnrolmentStatus status() {
        return status;
    }
}
