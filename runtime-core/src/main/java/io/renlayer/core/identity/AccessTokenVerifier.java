package io.renlayer.core.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.renlayer.core.identity.TokenRefusedException.Reason;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Verifies an identity provider's access token: its signature against the provider's key set
 * (found through OpenID Connect discovery, cached, refetched when a key id is new), its issuer,
 * audience, expiry and not-before, with a bounded clock skew. The caller has already decided that
 * the issuer is one a tenant trusts: this class never fetches from an issuer it was not asked to.
 */
public final class AccessTokenVerifier {

    private static final Logger LOG = Logger.getLogger(AccessTokenVerifier.class.getName());

    /** Asymmetric algorithms only: an HMAC "signature" would need the provider's secret. */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512,
            JWSAlgorithm.EdDSA);

    /** A provider that could not be reached is asked again after this, not on every call. */
    private static final Duration RETRY_DISCOVERY_AFTER = Duration.ofSeconds(5);

    private final ResourceRetriever retriever;
    private final Clock clock;
    private final Duration skew;
    private final Map<String, Issuer> issuers = new ConcurrentHashMap<>();

    public AccessTokenVerifier(ResourceRetriever retriever, Clock clock, Duration skew) {
        this.retriever = retriever;
        this.clock = clock;
        this.skew = skew;
    }

    /** The token's claims when it is valid now for {@code audience}; otherwise why not. */
    public JWTClaimsSet verify(PresentedToken token, String audience) throws TokenRefusedException {
        DefaultJWTProcessor<SecurityContext> processor = issuer(token.issuer()).processor();
        JWTClaimsSet claims;
        try {
            claims = processor.process(token.jwt(), null);
        } catch (BadJOSEException e) {
            throw new TokenRefusedException(Reason.SIGNATURE);
        } catch (JOSEException e) {
            LOG.warning("The keys of " + token.issuer() + " could not be fetched: " + e.getMessage());
            throw new TokenRefusedException(Reason.KEYS_UNAVAILABLE);
        }
        checkClaims(claims, token.issuer(), audience);
        return claims;
    }

    private void checkClaims(JWTClaimsSet claims, String issuer, String audience) throws TokenRefusedException {
        if (!issuer.equals(claims.getIssuer())) {
            throw new TokenRefusedException(Reason.UNKNOWN_ISSUER);
        }
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null || !now.isBefore(expires.toInstant().plus(skew))) {
            throw new TokenRefusedException(Reason.EXPIRED);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant().minus(skew))) {
            throw new TokenRefusedException(Reason.NOT_YET_VALID);
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            throw new TokenRefusedException(Reason.AUDIENCE);
        }
    }

    /** Forgets what discovery found, e.g. when a tenant changes or removes its provider. */
    public void forgetAll() {
        issuers.clear();
    }

    private Issuer issuer(String issuer) throws TokenRefusedException {
        Issuer known = issuers.get(issuer);
        if (known != null && (known.processor() != null || clock.instant().isBefore(known.retryAt()))) {
            if (known.processor() == null) {
                throw new TokenRefusedException(Reason.KEYS_UNAVAILABLE);
            }
            return known;
        }
        Issuer discovered = discover(issuer);
        issuers.put(issuer, discovered);
        if (discovered.processor() == null) {
            throw new TokenRefusedException(Reason.KEYS_UNAVAILABLE);
        }
        return discovered;
    }

    private Issuer discover(String issuer) {
        try {
            ProviderMetadata provider = ProviderMetadata.discover(retriever, issuer);
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(
                            provider.jwksUri().toURL(), retriever)
                    .build();
            return new Issuer(processor(keys), null);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning("The identity provider " + issuer + " could not be discovered: " + e.getMessage());
            return Issuer.unavailable(clock.instant().plus(RETRY_DISCOVERY_AFTER));
        }
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // Access tokens are typed JWT by most providers, at+jwt by RFC 9068 ones, or not at all.
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // The claims are checked by checkClaims, which knows the refusal's reason.
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        return processor;
    }

    /** What discovery found: a processor for the issuer's keys, or when to try again. */
    private record Issuer(DefaultJWTProcessor<SecurityContext> processor, Instant retryAt) {
        static Issuer unavailable(Instant retryAt) {
            return new Issuer(null, retryAt);
        }
    }
}
