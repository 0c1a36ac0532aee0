package io.renlayer.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

/** The Platform API as a test sees it, plus a ready-made tenant with an agent, upstream and key. */
final class Platform {

    private final Gateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    Platform(Gateway gateway) {
        this.gateway = gateway;
    }

    /** A tenant whose agent has a key and whose upstream is the simulator. */
    record TestTenant(String tenantId, String agentId, String keyId, String key) {}

    TestTenant newTenant() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tenantId = created(post("/api/v1/tenants", "{\"name\":\"tenant-" + suffix + "\"}"))
                .getString("id");
        String agentId = created(post("/api/v1/tenants/" + tenantId + "/agents", "{\"name\":\"agent-" + suffix + "\"}"))
                .getString("id");
        created(post("/api/v1/tenants/" + tenantId + "/upstreams", """
                {"name":"sim","provider":"openai","baseUrl":"%s","credential":"%s","models":["*"]}""".formatted(
                        gateway.upstream.baseUrl(), Gateway.UPSTREAM_CREDENTIAL)));
        JsonObject key = created(post(
                "/api/v1/tenants/" + tenantId + "/keys",
                "{\"agentId\":\"" + agentId + "\",\"name\":\"key-" + suffix + "\"}"));
        return new TestTenant(tenantId, agentId, key.getString("id"), key.getString("key"));
    }

    /** Registers the simulator as the tenant's Anthropic upstream for claude-* models (201 or fails). */
    void addAnthropicUpstream(String tenantId) throws Exception {
        created(post("/api/v1/tenants/" + tenantId + "/upstreams", """
                {"name":"claude","provider":"anthropic","baseUrl":"%s","credential":"%s","models":["claude-*"]}""".formatted(
                        gateway.upstream.baseUrl(), Gateway.UPSTREAM_CREDENTIAL)));
    }

    String upstreamBaseUrl() {
        return gateway.upstream.baseUrl();
    }

    String controlUrl() {
        return gateway.controlUrl();
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway.controlUrl() + path))
                .header("Authorization", "Bearer " + gateway.operatorToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway.controlUrl() + path))
                .header("Authorization", "Bearer " + gateway.operatorToken)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway.controlUrl() + path))
                .header("Authorization", "Bearer " + gateway.operatorToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway.controlUrl() + path))
                .header("Authorization", "Bearer " + gateway.operatorToken));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The tenant's traces, newest first. */
    JsonArray traces(String tenantId) throws Exception {
        HttpResponse<String> response = get("/api/v1/tenants/" + tenantId + "/traces?limit=100");
        if (response.statusCode() != 200) {
            throw new AssertionError("traces: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).getJsonArray("items");
    }

    /** Waits for the background writer to store a trace matching the condition. */
    JsonObject awaitTrace(String tenantId, Predicate<JsonObject> matching) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (JsonValue trace : traces(tenantId)) {
                if (matching.test(trace.asJsonObject())) {
                    return trace.asJsonObject();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no matching trace for tenant " + tenantId + " in 15 s; have " + traces(tenantId));
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static JsonArray jsonArray(String text) {
        return Json.createReader(new StringReader(text)).readArray();
    }

    private static JsonObject created(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new AssertionError("expected 201, got " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }
}
