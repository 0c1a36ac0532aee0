package io.renlayer.api.v1;

import io.renlayer.admin.access.Actor;
import io.renlayer.core.errors.ForbiddenException;
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

    /** Who asks the service for this call's change: the service decides whether they may. */
    static Actor actor(SecurityContext caller) {
        if (caller.getUserPrincipal() instanceof Actor who) {
            return who;
        }
        throw new ForbiddenException("sign in to change anything");
    }
}
