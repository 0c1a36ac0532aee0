package io.renlayer.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Keycloak, started from its server distribution (unpacked into target/ by the build) on
 * free ports, with the realms of {@code src/test/resources/keycloak} imported: {@code renlayer-it}
 * (clients for agents, a CLI client for people, groups and users) and {@code elsewhere} (an issuer
 * no tenant trusts). Passwords and secrets are the test realm's own, written in those files.
 */
final class Keycloak implements AutoCloseable {

    static final String REALM = "renlayer-it";
    static final String OTHER_REALM = "elsewhere";
    private static final String ADMIN = "kc-admin";
    private static final String ADMIN_PASSWORD = "kc-admin-password";

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private Keycloak(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Keycloak start(int port) throws Exception {
        Path home = Path.of(System.getProperty("renlayer.it.keycloak", "target/keycloak/keycloak-26.7.3"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home + "; the pre-integration-test phase unpacks it");
        }
        Path data = home.resolve("data");
        Gateway.deleteTree(data); // a realm left by an earlier run would be kept as it was (IGNORE_EXISTING)
        Path imports = Files.createDirectories(data.resolve("import"));
        for (String realm : new String[] {REALM, OTHER_REALM}) {
            try (InputStream in = Keycloak.class.getResourceAsStream("/keycloak/" + realm + "-realm.json")) {
                Files.copy(in, imports.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--import-realm",
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--http-management-port=" + Gateway.freePort())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/keycloak.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        Keycloak keycloak = new Keycloak(builder.start(), port);
        try {
            keycloak.awaitRealm(Duration.ofSeconds(240));
        } catch (Exception | AssertionError e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    String issuer() {
        return issuer(REALM);
    }

    String issuer(String realm) {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }

    /** An access token of one of the realm's agent clients (client-credentials grant; secret = id + "-secret"). */
    String clientToken(String realm, String clientId) throws Exception {
        return token(
                realm,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        clientId,
                        "client_secret",
                        clientId + "-secret"));
    }

    /** A person's access token, as a script or CI job gets one (password = username + "-password"). */
    String userToken(String username) throws Exception {
        return token(
                REALM,
                Map.of(
                        "grant_type", "password",
                        "client_id", "renlayer-cli",
                        "username", username,
                        "password", username + "-password",
                        "scope", "openid"));
    }

    /** Takes a person out of a group, or puts them in, as the company's directory admin would. */
    void setMembership(String username, String group, boolean member) throws Exception {
        String admin = token(
                "master",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        ADMIN,
                        "password",
                        ADMIN_PASSWORD));
        String base = "http://127.0.0.1:" + port + "/admin/realms/" + REALM;
        JsonArray users = Platform.jsonArray(send(admin, "GET", base + "/users?exact=true&username=" + username));
        JsonArray groups = Platform.jsonArray(send(admin, "GET", base + "/groups?exact=true&search=" + group));
        String userId = users.getJsonObject(0).getString("id");
        String groupId = groups.getJsonObject(0).getString("id");
        send(admin, member ? "PUT" : "DELETE", base + "/users/" + userId + "/groups/" + groupId);
    }

    private String send(String bearer, String method, String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + bearer)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private String token(String realm, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("token from " + realm + ": " + response.statusCode() + " " + response.body());
        }
        JsonObject answer = Platform.json(response.body());
        return answer.getString("access_token");
    }

    private void awaitRealm(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see target/keycloak.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see target/keycloak.log");
    }

    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
