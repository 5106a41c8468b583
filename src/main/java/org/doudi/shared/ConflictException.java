package org.doudi.shared;

/** The request is well-formed but cannot be done in the present state of things (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
