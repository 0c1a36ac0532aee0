package io.renlayer.api.security;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.auth.OperatorTokenService;
import io.renlayer.admin.auth.PlatformTokenVerifier;
import io.renlayer.admin.auth.TokenIssuer;
import io.renlayer.admin.identity.OperatorProvider;
import io.renlayer.admin.identity.ProviderTokens;
import io.renlayer.admin.users.UserService;
import io.renlayer.core.identity.PresentedToken;
import io.renlayer.core.identity.TokenRefusedException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Platform API's Jakarta Security authentication mechanism: who presents the bearer token.
 * An operator token, or an access token of the operators' identity provider
 * ({@link OperatorProvider}); a platform JWT the gateway signed (the user then acts with the role the
 * database holds now); or an access token of the identity provider the addressed tenant registered
 * for the token's issuer ({@link ProviderTokens}). The caller is announced to the container with
 * their role (or {@code operator}) as the group; no credential leaves the request. Without one the
 * request goes on anonymous, and {@link CallerFilter} decides what an anonymous caller gets.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Pattern TENANT_PATH = Pattern.compile("^/api/v1/tenants/([0-9a-fA-F-]{36})(/.*)?$");

    @EJB
    private OperatorTokenService operatorTokens;

    @EJB
    private UserService users;

    @Inject
    private PlatformTokenVerifier platformTokens;

    @Inject
    private ProviderTokens providerTokens;

    @Inject
    private OperatorProvider operatorProvider;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return context.doNothing();
        }
        Optional<Actor> caller = identify(authorization.substring(7).strip(), pathTenant(request));
        if (caller.isEmpty()) {
            return context.doNothing();
        }
        Actor actor = caller.get();
        return context.notifyContainerAboutLogin(
                actor, Set.of(actor.isOperator() ? "operator" : actor.role().claim()));
    }

    private Optional<Actor> identify(String token, UUID pathTenant) {
        if (!PresentedToken.looksLikeJwt(token)) {
            return operatorTokens.authenticate(token).map(t -> Actor.operator(t.getId()));
        }
        PresentedToken presented;
        try {
            presented = PresentedToken.parse(token);
        } catch (TokenRefusedException e) {
            return Optional.empty();
        }
        // The operators' provider may be the tenants' too: who is not in its operators' group may
        // still be a person of the tenant the path addresses.
        Optional<Actor> operator = operatorProvider.authenticate(presented);
        if (operator.isPresent()) {
            return operator;
        }
        if (TokenIssuer.ISSUER.equals(presented.issuer())) {
            return platformTokens
                    .verify(token)
                    .flatMap(t -> users.currentRole(t.tenantId(), t.userId())
                            .map(role -> Actor.user(t.userId(), t.tenantId(), role)));
        }
        return providerTokens.authenticate(pathTenant, presented);
    }

    /** The tenant the path addresses, whose provider a company token is checked against. */
    private static UUID pathTenant(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = TENANT_PATH.matcher(path);
        try {
            return m.matches() ? UUID.fromString(m.group(1)) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
