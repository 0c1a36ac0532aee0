package io.renlayer.api.v1;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.auth.SignInResult;
import io.renlayer.admin.auth.SignInService;
import io.renlayer.admin.auth.SigningKey;
import io.renlayer.admin.auth.SigningKeys;
import io.renlayer.api.security.Access;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.UUID;

/**
 * Sign-in for a tenant's users (password plus one-time code, then a JWT), the public keys that
 * verify those JWTs, and who the caller is.
 */
@Path("api/v1/auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @EJB
    private SignInService signIn;

    @EJB
    private SigningKeys signingKeys;

    @Context
    private SecurityContext caller;

    /**
     * {@code {"email","password","code"}}. Without an authenticator yet, the answer is the
     * enrolment ({@code otpauthUri}, {@code otpSecret}); sign in again with a code from it.
     * {@code ttlSeconds} asks for a shorter-lived token than the configured maximum.
     */
    @POST
    @Path("sign-in")
    @Access(Access.Level.PUBLIC)
    public Response signIn(SignInRequest request) {
        SignInRequest body = Requests.required(request);
        SignInResult result =
                signIn.signIn(body.email(), body.password(), body.code(), body.ttlSeconds(), body.tenant());
        SignInView view = result.token() == null
                ? new SignInView(
                        result.status(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        result.otpauthUri(),
                        result.otpSecret())
                : new SignInView(
                        result.status(),
                        result.token().token(),
                        "Bearer",
                        result.token().expiresAt(),
                        result.user().getId(),
                        result.user().getTenantId(),
                        result.user().getEmail(),
                        result.user().getRole().claim(),
                        null,
                        null);
        return Response.ok(view).header("Cache-Control", "no-store").build();
    }

    /** The JSON Web Key Set that verifies platform JWTs (MicroProfile JWT reads it from here). */
    @GET
    @Path("jwks")
    @Access(Access.Level.PUBLIC)
    public Response jwks() {
        return Response.ok(signingKeys.publishedKeySet(), "application/jwk-set+json")
                .header("Cache-Control", "max-age=60")
                .build();
    }

    @GET
    @Path("me")
    @Access(Access.Level.OPERATOR)
    public Me me() {
        Actor who = (Actor) caller.getUserPrincipal();
        return new Me(
                who.getName(),
                who.tenantId(),
                who.isOperator() ? "operator" : who.role().claim());
    }

    /** Starts a new signing key now; tokens signed by the previous one stay valid until they expire. */
    @POST
    @Path("signing-keys/rotate")
    @Access(Access.Level.OPERATOR_ONLY)
    public RotatedKey rotate() {
        SigningKey key = signingKeys.rotate(Requests.actor(caller));
        return new RotatedKey(key.getKid(), key.getCreatedAt());
    }

    /** {@code tenant} is needed only for an e-mail that signs in to several tenants. */
    public record SignInRequest(String email, String password, String code, Long ttlSeconds, UUID tenant) {}

    public record SignInView(
            String status,
            String accessToken,
            String tokenType,
            Instant expiresAt,
            UUID userId,
            UUID tenantId,
            String email,
            String role,
            String otpauthUri,
            String otpSecret) {}

    public record Me(String principal, UUID tenantId, String role) {}

    public record RotatedKey(String kid, Instant createdAt) {}
}
