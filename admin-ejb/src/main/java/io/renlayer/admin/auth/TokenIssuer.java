package io.renlayer.admin.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.renlayer.admin.users.PlatformUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Builds the MicroProfile JWT a signed-in user carries: {@code upn} and {@code groups} (the role)
 * as the MP-JWT specification names them, plus the user's {@code tenant}.
 */
public final class TokenIssuer {

    public static final String ISSUER = "renlayer";
    public static final String AUDIENCE = "renlayer-platform";
    public static final String TENANT_CLAIM = "tenant";

    private TokenIssuer() {}

    public static IssuedToken issue(RSAKey key, PlatformUser user, Duration lifetime) {
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user.getId().toString())
                .claim("upn", user.getEmail())
                .claim("groups", List.of(user.getRole().claim()))
                .claim(TENANT_CLAIM, user.getTenantId().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a platform token", e);
        }
        return new IssuedToken(jwt.serialize(), expires);
    }

    public record IssuedToken(String token, Instant expiresAt) {}
}
