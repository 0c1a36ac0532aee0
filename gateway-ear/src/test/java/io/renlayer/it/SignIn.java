package io.renlayer.it;

import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Signs users in the way an authenticator app and a person would: password, then the enrolment's
 * secret, then RFC 6238 codes computed here independently of the gateway's implementation. Codes
 * are single-use, so each user's last step is remembered.
 */
final class SignIn {

    private final Gateway gateway;
    private final HttpClient http;
    private final Map<String, byte[]> secrets = new HashMap<>();
    private final Map<String, Long> lastStep = new HashMap<>();

    SignIn(Gateway gateway) {
        this(gateway, HttpClient.newHttpClient());
    }

    /** Signing in from another loopback address (127.0.0.2, ...), as a person on another machine would. */
    SignIn(Gateway gateway, String fromAddress) throws UnknownHostException {
        this(
                gateway,
                HttpClient.newBuilder()
                        .localAddress(InetAddress.getByName(fromAddress))
                        .build());
    }

    private SignIn(Gateway gateway, HttpClient http) {
        this.gateway = gateway;
        this.http = http;
    }

    /** Knows the enrolment another SignIn made, to sign the same user in from elsewhere. */
    void knows(SignIn other, String email) {
        secrets.put(email, other.secrets.get(email));
        lastStep.put(email, other.lastStep.get(email));
    }

    /** Creates a user through the operator and returns a JWT for it. */
    String newUser(Platform platform, String tenantId, String role) throws Exception {
        return token(createUser(platform, tenantId, role));
    }

    /** Creates a user (password {@link #password}) through the operator and returns its e-mail. */
    static String createUser(Platform platform, String tenantId, String role) throws Exception {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> created = platform.post(
                "/api/v1/tenants/" + tenantId + "/users",
                "{\"email\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}".formatted(email, password(email), role));
        if (created.statusCode() != 201) {
            throw new AssertionError("user not created: " + created.body());
        }
        return email;
    }

    static String password(String email) {
        return "pw-" + email + "-long-enough";
    }

    /** Enrols the user's authenticator when needed and signs in with a fresh code. */
    String token(String email) throws Exception {
        return token(email, null);
    }

    String token(String email, Long ttlSeconds) throws Exception {
        if (!secrets.containsKey(email)) {
            HttpResponse<String> enrolment = signIn(email, password(email), null, null);
            JsonObject body = Platform.json(enrolment.body());
            if (enrolment.statusCode() != 200 || !"otp_enrolment_required".equals(body.getString("status"))) {
                throw new AssertionError("expected an enrolment: " + enrolment.body());
            }
            secrets.put(email, new Base32().decode(body.getString("otpSecret")));
        }
        HttpResponse<String> response = signIn(email, password(email), nextCode(email), ttlSeconds);
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return Platform.json(response.body()).getString("accessToken");
    }

    HttpResponse<String> signIn(String email, String password, String code, Long ttlSeconds) throws Exception {
        StringBuilder json = new StringBuilder("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"");
        if (code != null) {
            json.append(",\"code\":\"").append(code).append('"');
        }
        if (ttlSeconds != null) {
            json.append(",\"ttlSeconds\":").append(ttlSeconds);
        }
        return http.send(
                HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/api/v1/auth/sign-in"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json.append('}').toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A code for a step not used yet: now, or the next one (accepted for clock drift), else wait. */
    String nextCode(String email) throws InterruptedException {
        long now = System.currentTimeMillis() / 30_000;
        long step = Math.max(now, lastStep.getOrDefault(email, now - 1) + 1);
        while (step > now + 1) {
            Thread.sleep(500);
            now = System.currentTimeMillis() / 30_000;
        }
        lastStep.put(email, step);
        return code(secrets.get(email), step);
    }

    byte[] secret(String email) {
        return secrets.get(email);
    }

    static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request to the Platform API with a user's token. */
    HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.controlUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
