package io.renlayer.admin.identity;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import io.renlayer.admin.access.Role;
import io.renlayer.admin.identity.SignInRefusedException.Reason;
import io.renlayer.core.identity.GuardedRetriever;
import io.renlayer.core.identity.PresentedToken;
import io.renlayer.core.identity.ProviderMetadata;
import io.renlayer.core.identity.TokenRefusedException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Signing a person in through the tenant's OpenID Connect provider: the authorization code flow
 * with PKCE, a state and a nonce; the ID token verified like any of the provider's tokens (its
 * audience is the client); the role from the person's groups, as for API tokens. The session is
 * kept alive by the provider's refresh token, and every refresh sets the role again, so a person
 * taken out of the group loses access at their next request.
 */
@ApplicationScoped
public class ProviderSignIn {

    private static final Logger LOG = Logger.getLogger(ProviderSignIn.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    private IdentityProviderRegistry providers;

    @EJB
    private ExternalUsers users;

    @Inject
    private ProviderVerifier identity;

    /** What the browser's session keeps between the redirect to the provider and its return. */
    public record Pending(
            UUID tenantId, UUID providerId, String state, String nonce, String codeVerifier, String redirectUri)
            implements Serializable {
        @Override
        public String toString() {
            return "Pending[tenant=" + tenantId + "]";
        }
    }

    public record Started(Pending pending, URI authorizationUrl) {}

    /** A person signed in, and what keeps their session: the provider's refresh token. */
    public record SignedIn(UUID userId, UUID tenantId, UUID providerId, String email, Role role, String refreshToken)
            implements Serializable {
        @Override
        public String toString() {
            return "SignedIn[user=" + userId + ", tenant=" + tenantId + ", role=" + role + "]";
        }
    }

    public Started start(UUID tenantId, String redirectUri) throws SignInRefusedException {
        SignInClient client =
                providers.signInClient(tenantId).orElseThrow(() -> new SignInRefusedException(Reason.NO_PROVIDER));
        ProviderMetadata metadata = metadata(client);
        Pending pending = new Pending(tenantId, client.providerId(), random(), random(), random(), redirectUri);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid email profile");
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", challenge(pending.codeVerifier()));
        query.put("code_challenge_method", "S256");
        String separator = metadata.authorizationEndpoint().getRawQuery() == null ? "?" : "&";
        return new Started(pending, URI.create(metadata.authorizationEndpoint() + separator + form(query)));
    }

    public SignedIn complete(Pending pending, String state, String code) throws SignInRefusedException {
        if (pending == null
                || state == null
                || code == null
                || !MessageDigest.isEqual(
                        state.getBytes(StandardCharsets.UTF_8), pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new SignInRefusedException(Reason.STATE_MISMATCH);
        }
        SignInClient client = client(pending.tenantId(), pending.providerId());
        Map<String, String> request = new LinkedHashMap<>();
        request.put("grant_type", "authorization_code");
        request.put("code", code);
        request.put("redirect_uri", pending.redirectUri());
        request.put("code_verifier", pending.codeVerifier());
        Tokens tokens = tokens(client, request);
        JWTClaimsSet claims = verified(client, tokens.idToken());
        if (!pending.nonce().equals(claims.getClaim("nonce"))) {
            throw new SignInRefusedException(Reason.TOKEN_REFUSED);
        }
        return signedIn(client, claims, tokens.refreshToken());
    }

    /**
     * The session brought up to the provider's current view of the person: their role from their
     * groups now. Empty when the provider no longer signs them in or their groups give no role.
     */
    public Optional<SignedIn> refresh(SignedIn session) {
        try {
            SignInClient client = client(session.tenantId(), session.providerId());
            if (session.refreshToken() == null) {
                return Optional.empty();
            }
            Map<String, String> request = new LinkedHashMap<>();
            request.put("grant_type", "refresh_token");
            request.put("refresh_token", session.refreshToken());
            Tokens tokens = tokens(client, request);
            SignedIn refreshed = signedIn(client, verified(client, tokens.idToken()), tokens.refreshToken());
            return refreshed.userId().equals(session.userId()) ? Optional.of(refreshed) : Optional.empty();
        } catch (SignInRefusedException e) {
            LOG.info("A console session through the identity provider ended: "
                    + e.reason().code());
            return Optional.empty();
        }
    }

    private SignInClient client(UUID tenantId, UUID providerId) throws SignInRefusedException {
        return providers
                .signInClient(tenantId)
                .filter(c -> c.providerId().equals(providerId))
                .orElseThrow(() -> new SignInRefusedException(Reason.NO_PROVIDER));
    }

    private SignedIn signedIn(SignInClient client, JWTClaimsSet claims, String refreshToken)
            throws SignInRefusedException {
        ExternalUsers.Admitted admitted = users.admit(
                client.tenantId(), client.providerId(), client.roleMappings(), client.groupsClaim(), claims);
        return new SignedIn(
                admitted.userId(),
                client.tenantId(),
                client.providerId(),
                admitted.person().email(),
                admitted.role(),
                refreshToken);
    }

    private JWTClaimsSet verified(SignInClient client, String idToken) throws SignInRefusedException {
        try {
            PresentedToken token = PresentedToken.parse(idToken);
            if (!client.issuer().equals(token.issuer())) {
                throw new SignInRefusedException(Reason.TOKEN_REFUSED);
            }
            return identity.verifier().verify(token, client.clientId());
        } catch (TokenRefusedException e) {
            LOG.info("An ID token was refused: " + e.getMessage());
            throw new SignInRefusedException(
                    e.reason() == TokenRefusedException.Reason.KEYS_UNAVAILABLE
                            ? Reason.PROVIDER_UNAVAILABLE
                            : Reason.TOKEN_REFUSED);
        }
    }

    private record Tokens(String idToken, String refreshToken) {}

    private Tokens tokens(SignInClient client, Map<String, String> request) throws SignInRefusedException {
        ProviderMetadata metadata = metadata(client);
        request.put("client_id", client.clientId());
        if (client.clientSecret() != null) {
            request.put("client_secret", client.clientSecret());
        }
        try {
            GuardedRetriever.Answer answer = identity.retriever().postForm(metadata.tokenEndpoint(), request);
            if (answer.status() != 200) {
                // An expired or revoked grant, a disabled person: the provider says no.
                LOG.info("The identity provider refused a token request (HTTP " + answer.status() + ")");
                throw new SignInRefusedException(Reason.TOKEN_REFUSED);
            }
            Map<String, Object> body = JSONObjectUtils.parse(answer.body());
            String idToken = JSONObjectUtils.getString(body, "id_token");
            if (idToken == null) {
                throw new SignInRefusedException(Reason.TOKEN_REFUSED);
            }
            return new Tokens(idToken, JSONObjectUtils.getString(body, "refresh_token"));
        } catch (IOException e) {
            LOG.warning("The identity provider could not be reached for a token: " + e.getMessage());
            throw new SignInRefusedException(Reason.PROVIDER_UNAVAILABLE);
        } catch (ParseException e) {
            throw new SignInRefusedException(Reason.TOKEN_REFUSED);
        }
    }

    private ProviderMetadata metadata(SignInClient client) throws SignInRefusedException {
        try {
            ProviderMetadata metadata = identity.metadata(client.issuer());
            if (metadata.authorizationEndpoint() == null || metadata.tokenEndpoint() == null) {
                throw new IOException("the provider has no authorization or token endpoint");
            }
            return metadata;
        } catch (IOException e) {
            LOG.warning("The identity provider " + client.issuer() + " could not be discovered: " + e.getMessage());
            throw new SignInRefusedException(Reason.PROVIDER_UNAVAILABLE);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
