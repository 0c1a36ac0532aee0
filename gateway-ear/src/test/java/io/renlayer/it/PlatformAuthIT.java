package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in with password and TOTP, the JWT it yields, its expiry, forgeries and key rotation. */
@ExtendWith(GatewayExtension.class)
class PlatformAuthIT {

    @Test
    void passwordAndOneTimeCodeYieldAJwtThatWorksAndExpires(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        SignIn signIn = new SignIn(gateway);
        String tenant = platform.newTenant().tenantId();
        String email = SignIn.createUser(platform, tenant, "admin");

        HttpResponse<String> enrolment = signIn.signIn(email, SignIn.password(email), null, null);
        JsonObject offer = Platform.json(enrolment.body());
        assertThat(offer.getString("status")).isEqualTo("otp_enrolment_required");
        assertThat(offer.getString("otpauthUri"))
                .startsWith("otpauth://totp/RenLayer:")
                .contains("secret=" + offer.getString("otpSecret"))
                .contains("issuer=RenLayer");

        String token = signIn.token(email);
        HttpResponse<String> me = signIn.call("GET", "/api/v1/auth/me", token, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Platform.json(me.body()).getString("tenantId")).isEqualTo(tenant);
        assertThat(Platform.json(me.body()).getString("role")).isEqualTo("admin");
        assertThat(signIn.call("GET", "/api/v1/tenants/" + tenant + "/agents", token, null)
                        .statusCode())
                .isEqualTo(200);

        // Enrolled now: the password alone is not enough, and a used code does not work twice.
        HttpResponse<String> noCode = signIn.signIn(email, SignIn.password(email), null, null);
        assertThat(noCode.statusCode()).isEqualTo(401);
        assertThat(Platform.json(noCode.body()).getBoolean("otpRequired")).isTrue();

        String shortLived = signIn.token(email, 2L);
        assertThat(signIn.call("GET", "/api/v1/auth/me", shortLived, null).statusCode())
                .isEqualTo(200);
        Thread.sleep(3_500);
        HttpResponse<String> expired = signIn.call("GET", "/api/v1/auth/me", shortLived, null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    @Test
    void wrongFactorsAreRefusedAlikeAndFiveFailuresSlowTheirAddressNotTheAccount(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        SignIn signIn = new SignIn(gateway);
        SignIn stranger = new SignIn(gateway, "127.0.0.9");
        String tenant = platform.newTenant().tenantId();
        String email = SignIn.createUser(platform, tenant, "viewer");
        signIn.token(email);

        HttpResponse<String> unknown =
                stranger.signIn("nobody-" + System.nanoTime() + "@example.com", "whatever-password", "123456", null);
        HttpResponse<String> wrongCode = stranger.signIn(email, SignIn.password(email), "000000", null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrongCode.statusCode()).isEqualTo(401);
        assertThat(Platform.json(wrongCode.body()).getString("detail"))
                .isEqualTo(Platform.json(unknown.body()).getString("detail"));
        // Without a code, the right password reads exactly as a wrong one.
        HttpResponse<String> rightNoCode = stranger.signIn(email, SignIn.password(email), null, null);
        HttpResponse<String> wrongNoCode = stranger.signIn(email, "wrong-password-x", null, null);
        assertThat(rightNoCode.statusCode()).isEqualTo(wrongNoCode.statusCode()).isEqualTo(401);
        assertThat(rightNoCode.body()).isEqualTo(wrongNoCode.body());

        for (String password : List.of("wrong-password-y", "wrong-password-z")) { // the fourth and fifth failure
            assertThat(stranger.signIn(email, password, null, null).statusCode())
                    .isEqualTo(401);
        }
        // That address now waits, even with the right factors...
        HttpResponse<String> slowed = stranger.signIn(email, SignIn.password(email), "123456", null);
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("retry-after")).isPresent();
        // ...but the stranger has not locked the owner of the account out.
        assertThat(signIn.call("GET", "/api/v1/auth/me", signIn.token(email), null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void forgedTokensAreRefused(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        SignIn signIn = new SignIn(gateway);
        String tenant = platform.newTenant().tenantId();
        String token = signIn.newUser(platform, tenant, "owner");
        String path = "/api/v1/tenants/" + tenant + "/agents";

        String[] parts = token.split("\\.");
        String tamperedClaims = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        String foreignKid = new String(Base64.getUrlDecoder().decode(parts[0]));
        String kid = Platform.json(foreignKid).getString("kid");

        RSAKey attacker = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder()
                        .issuer("renlayer")
                        .audience("renlayer-platform")
                        .subject("x")
                        .claim("upn", "mallory@example.com")
                        .claim("groups", List.of("owner"))
                        .claim("tenant", tenant)
                        .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                        .build());
        forged.sign(new RSASSASigner(attacker));
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + parts[1] + ".";

        assertThat(signIn.call("GET", path, token, null).statusCode()).isEqualTo(200);
        for (String bad : List.of(tamperedClaims, forged.serialize(), unsigned, "eyJnotajwt")) {
            HttpResponse<String> refused = signIn.call("GET", path, bad, null);
            assertThat(refused.statusCode()).as(bad).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("\"items\"");
        }
    }

    @Test
    void rotatingTheSigningKeyKeepsIssuedTokensValid(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        SignIn signIn = new SignIn(gateway);
        String tenant = platform.newTenant().tenantId();
        String email = SignIn.createUser(platform, tenant, "owner");
        String before = signIn.token(email);

        HttpResponse<String> rotated = platform.post("/api/v1/auth/signing-keys/rotate", "{}");
        assertThat(rotated.statusCode()).isEqualTo(200);
        String after = signIn.token(email);

        assertThat(kid(after))
                .isEqualTo(Platform.json(rotated.body()).getString("kid"))
                .isNotEqualTo(kid(before));
        assertThat(signIn.call("GET", "/api/v1/auth/me", after, null).statusCode())
                .isEqualTo(200);
        assertThat(signIn.call("GET", "/api/v1/auth/me", before, null).statusCode())
                .isEqualTo(200);
        // A tenant's user cannot rotate the operator plane's keys.
        assertThat(signIn.call("POST", "/api/v1/auth/signing-keys/rotate", after, "{}")
                        .statusCode())
                .isEqualTo(403);
    }

    private static String kid(String jwt) {
        return Platform.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0])))
                .getString("kid");
    }
}
