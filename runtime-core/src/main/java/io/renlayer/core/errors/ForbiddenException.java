package io.renlayer.core.errors;

import jakarta.ejb.ApplicationException;

/** The caller is known and may see the resource, but its role does not allow this change. */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
