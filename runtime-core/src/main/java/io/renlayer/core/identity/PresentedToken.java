package io.renlayer.core.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;

/**
 * A JWT as presented, parsed but not yet trusted: its issuer and client only say which provider
 * and which binding to verify it against.
 */
public record PresentedToken(SignedJWT jwt, String issuer, String clientId) {

    /** A JWT's header is base64url of {@code {"}; a virtual key or an operator token never starts so. */
    private static final String JWT_START = "eyJ";

    /** Cheap shape test, so that a virtual key never reaches the JWT parser. */
    public static boolean looksLikeJwt(String presented) {
        return presented != null && presented.startsWith(JWT_START) && presented.indexOf('.') > 0;
    }

    public static PresentedToken parse(String presented) throws TokenRefusedException {
        try {
            SignedJWT jwt = SignedJWT.parse(presented);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String issuer = claims.getIssuer();
            if (issuer == null || issuer.isBlank()) {
                throw new TokenRefusedException(TokenRefusedException.Reason.UNKNOWN_ISSUER);
            }
            // RFC 9068 names the client in client_id; Keycloak and others also (or only) in azp.
            String clientId = claims.getStringClaim("client_id");
            if (clientId == null) {
                clientId = claims.getStringClaim("azp");
            }
            return new PresentedToken(jwt, issuer, clientId);
        } catch (ParseException | IllegalArgumentException e) {
            throw new TokenRefusedException(TokenRefusedException.Reason.MALFORMED);
        }
    }

    @Override
    public String toString() {
        return "PresentedToken[issuer=" + issuer + ", client=" + clientId + "]";
    }
}
