package io.renlayer.api.security;

import io.renlayer.admin.access.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;

/** The caller {@link BearerAuthenticationMechanism} announced to the container for this request. */
@ApplicationScoped
public class AuthenticatedCaller {

    @Inject
    private SecurityContext security;

    public Optional<Actor> current() {
        return security.getPrincipalsByType(Actor.class).stream().findFirst();
    }
}
