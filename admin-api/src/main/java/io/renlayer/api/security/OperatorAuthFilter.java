package io.renlayer.api.security;

import io.renlayer.admin.auth.OperatorToken;
import io.renlayer.admin.auth.OperatorTokenService;
import io.renlayer.api.problems.Problem;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Deny by default: every call but the health probes needs {@code Authorization: Bearer <operator token>}. The caller becomes
 * the principal {@code operator:<token id>}, which the audit log records.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class OperatorAuthFilter implements ContainerRequestFilter {

    private static final Set<String> PUBLIC_PATHS = Set.of("healthz", "readyz");

    @EJB
    private OperatorTokenService tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        if (PUBLIC_PATHS.contains(stripSlashes(request.getUriInfo().getPath()))) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<OperatorToken> token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.authenticate(authorization.substring(7).strip())
                : Optional.empty();
        if (token.isEmpty()) {
            request.abortWith(Problem.response(401, "Unauthorized",
                    "Send 'Authorization: Bearer <operator token>'; the token is printed on the first start."));
            return;
        }
        Principal operator = () -> "operator:" + token.get().getId();
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override public Principal getUserPrincipal() { return operator; }
            @Override public boolean isUserInRole(String role) { return "operator".equals(role); }
            @Override public boolean isSecure() { return secure; }
            @Override public String getAuthenticationScheme() { return "Bearer"; }
        });
    }

    private static String stripSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
