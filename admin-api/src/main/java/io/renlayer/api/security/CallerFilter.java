package io.renlayer.api.security;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.RequestOrigin;
import io.renlayer.api.problems.Problem;
import io.renlayer.core.runtime.FailureThrottle;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deny by default. Who calls is established by the Jakarta Security mechanism
 * ({@link BearerAuthenticationMechanism}); this filter decides what they may. A caller is either an operator ({@code Authorization: Bearer <operator token>}),
 * a tenant's user with a platform JWT ({@link PlatformTokenVerifier}: signature against our
 * published keys, issuer, audience, expiry), or a tenant's person with an access token of the
 * identity provider the tenant registered for its issuer ({@link ProviderTokens}). The
 * user acts with the role the database holds now, not the one the token was issued with: a
 * demoted, disabled or deleted user loses that access on the next request.
 * Then: a user asking for another tenant gets 404, exactly as if the tenant did not exist; a
 * viewer who tries to change something gets 403; operator-plane writes are for operators.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {

    /**
     * Wrong operator tokens and refused JWTs from one address: past 300 a minute it waits (429).
     * Guessing was 840 tries a second before; the values are long enough that this is defence in
     * depth, and a well-behaved client never comes near it.
     */
    private static final FailureThrottle GUESSES = new FailureThrottle(300, Duration.ofMinutes(1), 100_000);

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    private RequestOrigin origin;

    @Inject
    private AuthenticatedCaller authenticated;

    @Context
    private ResourceInfo resource;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        origin.sourceIp(servletRequest.getRemoteAddr());
        Access.Level level = accessLevel();
        if (level == Access.Level.PUBLIC) {
            return;
        }
        String source = servletRequest.getRemoteAddr();
        long wait = GUESSES.retryAfterSeconds(source);
        if (wait > 0) {
            request.abortWith(Response.fromResponse(Problem.response(
                            429,
                            "Too Many Requests",
                            "Too many refused credentials from this address; try again later."))
                    .header("Retry-After", wait)
                    .build());
            return;
        }
        Optional<Actor> caller = identify();
        if (caller.isEmpty()) {
            if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
                GUESSES.failed(source);
            }
            request.abortWith(Problem.response(
                    401,
                    "Unauthorized",
                    "Send 'Authorization: Bearer <token>': a platform JWT from /api/v1/auth/sign-in, an access"
                            + " token of the tenant's identity provider that one of your groups gives a role,"
                            + " or an operator token."));
            return;
        }
        Actor who = caller.get();
        String refusal = who.isOperator() ? null : refusalFor(who, level, request);
        if (refusal != null) {
            request.abortWith(
                    refusal.isEmpty()
                            ? Problem.response(404, "Not Found", "tenant not found", Map.of("resource", "tenant"))
                            : Problem.response(403, "Forbidden", refusal));
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(who, secure));
    }

    /** Null when allowed; "" for not found (another tenant); otherwise why it is forbidden. */
    private static String refusalFor(Actor user, Access.Level level, ContainerRequestContext request) {
        String pathTenant = request.getUriInfo().getPathParameters().getFirst("tenantId");
        boolean reading = READ_METHODS.contains(request.getMethod()) || level == Access.Level.READ;
        if (pathTenant == null) {
            return level == Access.Level.OPERATOR && reading
                    ? null
                    : "this is the operator plane; sign in with an operator token";
        }
        if (!pathTenant.equalsIgnoreCase(user.tenantId().toString())) {
            return "";
        }
        if (level == Access.Level.OPERATOR_ONLY || (level == Access.Level.OPERATOR && !reading)) {
            return "only a platform operator may change this";
        }
        if (level == Access.Level.OWNER && !reading && !user.role().canManageUsers()) {
            return "only a tenant owner may manage users";
        }
        if (!reading && !user.role().canWrite()) {
            return "viewers may read but not change anything";
        }
        return null;
    }

    /** The caller the authentication mechanism announced for this request, if any. */
    private Optional<Actor> identify() {
        return authenticated.current();
    }

    private Access.Level accessLevel() {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Access.Level.OPERATOR_ONLY;
        }
        Access onMethod = method.getAnnotation(Access.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        Access onClass = resource.getResourceClass().getAnnotation(Access.class);
        return onClass == null ? null : onClass.value();
    }

    private record CallerSecurityContext(Actor caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.isOperator()
                    ? "operator".equals(role)
                    : caller.role().claim().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
