package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security findings 2, 9, 10 and 11: a user acts with its current state; creating a user reveals
 * nothing of other tenants; refused tokens are never logged; operator tokens are managed and
 * guessing credentials (operator tokens, virtual keys) slows down.
 */
@ExtendWith(GatewayExtension.class)
class AccessRevocationIT {

    @Test
    void aDemotedDisabledOrDeletedUserLosesItsAccessOnTheNextRequest(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        SignIn signIn = new SignIn(gateway);
        String tenant = platform.newTenant().tenantId();
        SignIn.createUser(platform, tenant, "owner"); // the tenant keeps an owner
        String email = SignIn.createUser(platform, tenant, "owner");
        String user = ConsoleIT.userId(platform, tenant, email);
        String token = signIn.token(email);
        String agents = "/api/v1/tenants/" + tenant + "/agents";
        String users = "/api/v1/tenants/" + tenant + "/users";
        assertThat(signIn.call("POST", agents, token, "{\"name\":\"as-owner\"}").statusCode())
                .isEqualTo(201);

        assertThat(platform.patch(users + "/" + user, "{\"role\":\"viewer\"}").statusCode())
                .isEqualTo(200);
        assertThat(signIn.call("POST", agents, token, "{\"name\":\"as-viewer\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(signIn.call("POST", users, token, newOwner()).statusCode()).isEqualTo(403);
        assertThat(signIn.call("GET", agents, token, null).statusCode())
                .as("a viewer still reads")
                .isEqualTo(200);

        assertThat(platform.patch(users + "/" + user, "{\"disabled\":true}").statusCode())
                .isEqualTo(200);
        assertThat(signIn.call("GET", agents, token, null).statusCode()).isEqualTo(401);
        assertThat(platform.patch(users + "/" + user, "{\"disabled\":false,\"role\":\"owner\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(signIn.call("GET", agents, token, null).statusCode())
                .as("re-enabled, as owner")
                .isEqualTo(200);

        assertThat(platform.send(HttpRequest.newBuilder(URI.create(gateway.controlUrl() + users + "/" + user))
                                .header("Authorization", "Bearer " + gateway.operatorToken)
                                .DELETE())
                        .statusCode())
                .isEqualTo(204);
        assertThat(signIn.call("POST", users, token, newOwner()).statusCode()).isEqualTo(401);
        assertThat(platform.get(agents).body()).doesNotContain("as-viewer");
    }

    @Test
    void creatingAUserRevealsNothingOfAnotherTenantsUsers(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        String first = platform.newTenant().tenantId();
        String second = platform.newTenant().tenantId();
        String email = SignIn.createUser(platform, first, "viewer");
        String body = "{\"email\":\"%s\",\"password\":\"%s\",\"role\":\"viewer\"}"
                .formatted(email, SignIn.password(email) + "-2");

        HttpResponse<String> elsewhere = platform.post("/api/v1/tenants/" + second + "/users", body);
        HttpResponse<String> again = platform.post("/api/v1/tenants/" + first + "/users", body);

        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(201);
        assertThat(again.statusCode())
                .as("within its own tenant an e-mail is unique")
                .isEqualTo(409);
        // Each signs in to its own tenant with its own password.
        SignIn signIn = new SignIn(gateway);
        JsonObject me = Platform.json(
                signIn.call("GET", "/api/v1/auth/me", signIn.token(email), null).body());
        assertThat(me.getString("tenantId")).isEqualTo(first);
    }

    @Test
    void aRefusedTokenIsLoggedWithItsReasonNeverItself(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        SignIn signIn = new SignIn(gateway);
        String tenant = platform.newTenant().tenantId();
        String token = signIn.newUser(platform, tenant, "viewer");
        String[] parts = token.split("\\.");
        String badSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThat(signIn.call("GET", "/api/v1/tenants/" + tenant + "/agents", badSignature, null)
                        .statusCode())
                .isEqualTo(401);

        Thread.sleep(500); // log lines are written asynchronously
        String signature = parts[2].substring(10, 50);
        String claims = parts[1].substring(10, 50);
        try (Stream<Path> files = Files.walk(gateway.logs())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(signature).doesNotContain(claims);
            }
        }
        assertThat(Files.readString(gateway.logs().resolve("messages.log"))).contains("A platform token was refused");
    }

    @Test
    void operatorTokensAreCreatedListedRotatedAndRevokedAndAudited(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        SignIn bearer = new SignIn(gateway);
        HttpResponse<String> created = platform.post("/api/v1/operator-tokens", "{\"name\":\"ci-pipeline\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject issued = Platform.json(created.body());
        String first = issued.getString("token");
        assertThat(first).startsWith("rop_");
        assertThat(bearer.call("GET", "/api/v1/tenants", first, null).statusCode())
                .isEqualTo(200);
        assertThat(platform.get("/api/v1/operator-tokens").body())
                .contains("ci-pipeline")
                .doesNotContain(first);

        HttpResponse<String> rotated =
                platform.post("/api/v1/operator-tokens/" + issued.getString("id") + "/rotate", "");
        assertThat(rotated.statusCode()).isEqualTo(201);
        String second = Platform.json(rotated.body()).getString("token");
        assertThat(bearer.call("GET", "/api/v1/tenants", first, null).statusCode())
                .as("the old value")
                .isEqualTo(401);
        assertThat(bearer.call("GET", "/api/v1/tenants", second, null).statusCode())
                .isEqualTo(200);

        String secondId = Platform.json(rotated.body()).getString("id");
        assertThat(platform.send(HttpRequest.newBuilder(
                                        URI.create(gateway.controlUrl() + "/api/v1/operator-tokens/" + secondId))
                                .header("Authorization", "Bearer " + gateway.operatorToken)
                                .DELETE())
                        .statusCode())
                .isEqualTo(204);
        assertThat(bearer.call("GET", "/api/v1/tenants", second, null).statusCode())
                .isEqualTo(401);
        String audit = platform.get("/api/v1/audit?limit=100").body();
        assertThat(audit)
                .contains("operator_token.create")
                .contains("operator_token.rotate")
                .contains("operator_token.revoke")
                .doesNotContain(first)
                .doesNotContain(second);
        // A user of a tenant cannot manage them.
        String tenantOwner = bearer.newUser(platform, platform.newTenant().tenantId(), "owner");
        assertThat(bearer.call("GET", "/api/v1/operator-tokens", tenantOwner, null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void guessingOperatorTokensOrKeysFromOneAddressGets429AndOtherAddressesAreServed(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();
        HttpClient guesser = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.7"))
                .build();
        int refused = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 320 && (last == null || last.statusCode() != 429); i++) {
            last = guesser.send(
                    HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/api/v1/tenants"))
                            .header("Authorization", "Bearer rop_guess" + i)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            refused += last.statusCode() == 401 ? 1 : 0;
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(refused).isEqualTo(300);
        assertThat(last.headers().firstValue("retry-after")).isPresent();
        assertThat(guesser.send(
                                HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/api/v1/tenants"))
                                        .header("Authorization", "Bearer " + gateway.operatorToken)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("the guessing address waits, whatever it sends")
                .isEqualTo(429);
        assertThat(new Platform(gateway).get("/api/v1/tenants").statusCode())
                .as("another address")
                .isEqualTo(200);

        HttpClient keyGuesser = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.8"))
                .build();
        refused = 0;
        last = null;
        for (int i = 0; i < 220 && (last == null || last.statusCode() != 429); i++) {
            last = keyGuesser.send(
                    HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                            .header("Authorization", "Bearer rk_live_guess" + i + "_x")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Proxy.userMessage("gpt-4o", "hi")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            refused += last.statusCode() == 401 ? 1 : 0;
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(refused).isEqualTo(200);
        assertThat(Platform.json(last.body()).getJsonObject("error").getString("code"))
                .isEqualTo("too_many_invalid_keys");
        assertThat(new Proxy(gateway)
                        .chat(t.key(), Proxy.userMessage("gpt-4o", "hi"))
                        .statusCode())
                .as("another address")
                .isEqualTo(200);
    }

    private static String newOwner() {
        String email = "new-owner-" + System.nanoTime() + "@example.com";
        return "{\"email\":\"%s\",\"password\":\"%s\",\"role\":\"owner\"}".formatted(email, SignIn.password(email));
    }
}
