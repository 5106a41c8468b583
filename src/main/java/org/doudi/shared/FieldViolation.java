package org.doudi.shared;

/** A problem with one input field, named by its path as the client sent it ({@code members[1].idNumber}). */
public record FieldViolation(String field, String message) {
}
