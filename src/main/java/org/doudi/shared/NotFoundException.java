package org.doudi.shared;

/** Nothing by that name, or nothing the caller may see: the same answer, so that scope does not leak. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
