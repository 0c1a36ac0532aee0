package io.renlayer.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.renlayer.core.identity.TokenRefusedException.Reason;
import java.io.IOException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

    private static final String ISSUER = "https://idp.example/realms/acme";
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final RSAKey providerKey = generate("k1");
    private final AtomicInteger fetches = new AtomicInteger();
    private boolean providerDown;

    private final AccessTokenVerifier verifier =
            new AccessTokenVerifier(this::serve, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));

    @Test
    void acceptsAValidTokenForItsAudience() throws Exception {
        JWTClaimsSet claims = verifier.verify(token(providerKey, claims()), "renlayer");
        assertThat(claims.getStringClaim("azp")).isEqualTo("ci-agent");
    }

    @Test
    void refusesEachWayATokenCanBeWrong() {
        assertRefused(token(providerKey, claims().audience("account").build()), Reason.AUDIENCE);
        assertRefused(
                token(
                        providerKey,
                        claims().expirationTime(Date.from(NOW.minusSeconds(6))).build()),
                Reason.EXPIRED);
        assertRefused(
                token(
                        providerKey,
                        claims().notBeforeTime(Date.from(NOW.plusSeconds(60))).build()),
                Reason.NOT_YET_VALID);
        assertRefused(token(generate("k1"), claims().build()), Reason.SIGNATURE); // same kid, another key
        assertRefused(token(generate("k9"), claims().build()), Reason.SIGNATURE); // a key the provider never had
    }

    @Test
    void aTokenExpiredWithinTheSkewIsStillAccepted() throws Exception {
        verifier.verify(
                token(
                        providerKey,
                        claims().expirationTime(Date.from(NOW.minusSeconds(4))).build()),
                "renlayer");
    }

    @Test
    void anHmacTokenIsRefusedEvenWhenSignedWithThePublicKeysBytes() throws Exception {
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        hmac.sign(new MACSigner(new byte[32]));
        assertRefused(PresentedToken.parse(hmac.serialize()), Reason.SIGNATURE);
    }

    @Test
    void anUnreachableProviderIsReportedAsSuchAndNotAskedOnEveryCall() {
        providerDown = true;
        assertRefused(token(providerKey, claims().build()), Reason.KEYS_UNAVAILABLE);
        int asked = fetches.get();
        assertRefused(token(providerKey, claims().build()), Reason.KEYS_UNAVAILABLE);
        assertThat(fetches.get()).isEqualTo(asked);
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsNotTrusted() {
        PresentedToken token =
                token(providerKey, claims().issuer(ISSUER + "-evil").build());
        assertThatThrownBy(() -> verifier.verify(token, "renlayer"))
                .isInstanceOf(TokenRefusedException.class)
                .extracting(e -> ((TokenRefusedException) e).reason())
                .isEqualTo(Reason.KEYS_UNAVAILABLE);
    }

    @Test
    void theRefusalNeverQuotesTheToken() {
        PresentedToken token = token(providerKey, claims().audience("account").build());
        assertThatThrownBy(() -> verifier.verify(token, "renlayer"))
                .hasMessageNotContaining("account")
                .hasMessageNotContaining("ci-agent");
    }

    private void assertRefused(PresentedToken token, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token, "renlayer"))
                .isInstanceOf(TokenRefusedException.class)
                .extracting(e -> ((TokenRefusedException) e).reason())
                .isEqualTo(reason);
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("service-account-ci-agent")
                .audience(List.of("renlayer", "account"))
                .claim("azp", "ci-agent")
                .issueTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(NOW.plusSeconds(300)));
    }

    private static PresentedToken token(RSAKey key, JWTClaimsSet.Builder claims) {
        return token(key, claims.build());
    }

    private static PresentedToken token(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return PresentedToken.parse(jwt.serialize());
        } catch (JOSEException | TokenRefusedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider: its discovery document names the issuer it was asked about, and its key set. */
    private Resource serve(URL url) throws IOException {
        fetches.incrementAndGet();
        if (providerDown) {
            throw new IOException("connection refused");
        }
        String path = url.getPath();
        if (path.endsWith("/.well-known/openid-configuration")) {
            String issuer = url.toString().replace("/.well-known/openid-configuration", "");
            String named = issuer.endsWith("-evil") ? ISSUER : issuer;
            return new Resource(
                    "{\"issuer\":\"" + named + "\",\"jwks_uri\":\"" + issuer + "/certs\"}", "application/json");
        }
        if (path.endsWith("/certs")) {
            return new Resource(new JWKSet(providerKey.toPublicJWK()).toString(), "application/json");
        }
        throw new IOException("not found");
    }
}
