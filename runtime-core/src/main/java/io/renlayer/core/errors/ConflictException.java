package io.renlayer.core.errors;

import jakarta.ejb.ApplicationException;

/** The change collides with existing state, such as a name already taken in the tenant. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
