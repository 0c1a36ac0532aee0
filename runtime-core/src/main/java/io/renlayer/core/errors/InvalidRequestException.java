package io.renlayer.core.errors;

import jakarta.ejb.ApplicationException;

/** A field of the request is missing or malformed; {@link #field()} names it. */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Checks a required, bounded name-like text field. */
    public static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidRequestException(field, field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }
}
