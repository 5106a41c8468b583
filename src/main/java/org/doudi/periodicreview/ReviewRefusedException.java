package org.doudi.periodicreview;

import org.doudi.shared.ConflictException;

/** A review decision that does not follow from what the review found, or lacks a part it needs (409; nothing changes). */
public class ReviewRefusedException extends ConflictException {

    private final String caseNumber;
    private final String chinese;

    public ReviewRefusedException(String caseNumber, String chinese, String english) {
        super(chinese + " / " + english);
        this.caseNumber = caseNumber;
        this.chinese = chinese;
    }

    public String caseNumber() {
        return caseNumber;
    }

    /** The Chinese sentence alone, for a form field. */
    public String chinese() {
        return chinese;
    }
}
