package org.doudi.shared;

/** The caller's role or region does not allow the action (403). */
public class OutsideScopeException extends RuntimeException {

    public OutsideScopeException(String message) {
        super(message);
    }
}
