package io.renlayer.api.v1;

import io.renlayer.core.errors.InvalidRequestException;
import jakarta.ws.rs.core.SecurityContext;

/** Small helpers shared by the v1 resources. */
final class Requests {

    private Requests() {}

    /** A missing JSON body is a client error, not a null pointer. */
    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidRequestException("body", "a JSON body is required");
        }
        return body;
    }

    /** Who the audit log names for this call. */
    static String actor(SecurityContext caller) {
        return caller.getUserPrincipal() == null ? "anonymous" : caller.getUserPrincipal().getName();
    }
}
