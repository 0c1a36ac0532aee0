package io.renlayer.admin.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Verifies the platform JWTs the gateway issues ({@link TokenIssuer}): RS256 with one of the
 * published signing keys, our issuer and audience, not expired (no clock skew allowed). The API
 * verifies them itself rather than through Liberty's MicroProfile JWT feature, which logged every
 * refused token whole (claims and signature) at ERROR and in FFDC; here a refusal is logged with
 * its reason, never the token. Keys are read from the shared table, cached for a few seconds and
 * re-read at once for a key id not seen yet (a key rotated on another server).
 */
@ApplicationScoped
public class PlatformTokenVerifier {

    private static final Logger LOG = Logger.getLogger(PlatformTokenVerifier.class.getName());
    private static final long KEYS_FRESH_NANOS = 5_000_000_000L;
    private static final long MIN_REREAD_NANOS = 1_000_000_000L;

    @EJB
    private SigningKeys signingKeys;

    private volatile Keys keys;

    /** The keys as read, and the processor that verifies with them: built once per read, not per call. */
    private record Keys(JWKSet set, DefaultJWTProcessor<SecurityContext> processor, long readAtNanos) {}

    /** The user and tenant a token names, when it is one of ours and valid now. */
    public Optional<PlatformToken> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims =
                    keysFor(jwt.getHeader().getKeyID()).processor().process(jwt, null);
            return Optional.of(new PlatformToken(
                    UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.getStringClaim(TokenIssuer.TENANT_CLAIM))));
        } catch (ParseException
                | BadJOSEException
                | JOSEException
                | IllegalArgumentException
                | NullPointerException e) {
            LOG.info("A platform token was refused: " + reason(e));
            return Optional.empty();
        }
    }

    public record PlatformToken(UUID userId, UUID tenantId) {}

    private Keys keysFor(String kid) throws ParseException {
        Keys current = keys;
        long now = System.nanoTime();
        boolean stale = current == null || now - current.readAtNanos() > KEYS_FRESH_NANOS;
        boolean unknownKid = current != null
                && kid != null
                && current.set().getKeyByKeyId(kid) == null
                && now - current.readAtNanos() > MIN_REREAD_NANOS;
        if (stale || unknownKid) {
            JWKSet set = JWKSet.parse(signingKeys.publishedKeySet());
            current = new Keys(set, processor(set), now);
            keys = current;
        }
        return current;
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSet keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                TokenIssuer.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(TokenIssuer.ISSUER).build(),
                Set.of("sub", "exp", TokenIssuer.TENANT_CLAIM));
        claims.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    /** The kind of refusal, without any value from the token (messages may quote its claims). */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = message.length();
        for (char stop : new char[] {':', ',', '['}) {
            int at = message.indexOf(stop);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return message.substring(0, Math.min(cut, 80)).strip();
    }
}
