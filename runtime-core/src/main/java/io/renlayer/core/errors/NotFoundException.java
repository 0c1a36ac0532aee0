package io.renlayer.core.errors;

import jakarta.ejb.ApplicationException;

/** The resource does not exist in the caller's tenant (which, to the caller, is the same thing). */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    private final String resource;

    public NotFoundException(String resource) {
        super(resource + " not found");
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
