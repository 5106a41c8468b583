package org.doudi.documents;

import org.doudi.shared.NotFoundException;

/** The case exists and may be seen, but has no such notice (yet): answered 404 with the reason in Chinese. */
public class DocumentNotAvailableException extends NotFoundException {

    private final String caseNumber;
    private final DocumentKind kind;

    public DocumentNotAvailableException(String caseNumber, DocumentKind kind, String reason) {
        super(reason);
        this.caseNumber = caseNumber;
        this.kind = kind;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public DocumentKind kind() {
        return kind;
    }
}
