package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.sim.UpstreamSimulator.ReceivedRequest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Google Gemini through the gateway with Google's own client (npm {@code @google/genai}): the
 * built-in gemini provider serves its routes, reads its requests and writes its errors, with no
 * gateway code of its own; detectors, policies, limits and traces (tokens, cost) work as on the
 * other dialects.
 */
@ExtendWith(GatewayExtension.class)
class GeminiIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void googlesClientWorksThroughTheGatewayStreamedAndNot(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        gemini(platform, gateway, t);
        assertThat(platform.post("/api/v1/tenants/" + t.tenantId() + "/policies", """
                        {"name":"no-pro","conditions":{"models":["gemini-2.5-pro*"]},"action":"deny"}""")
                        .statusCode())
                .isEqualTo(201);
        Thread.sleep(1000); // the policy lives on the proxy

        NodeProject node = NodeProject.install("google-genai");
        NodeProject.Result run = node.run(
                NodeProject.Limit.SCRIPT,
                Map.of(),
                "node",
                "gemini.mjs",
                gateway.proxyUrl(),
                t.key(),
                "gemini-2.5-pro");

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonObject seen = Platform.json(run.lastLine());
        assertThat(seen.getString("text")).isNotBlank();
        assertThat(seen.getJsonObject("usage").getInt("promptTokenCount")).isPositive();
        assertThat(seen.getJsonObject("streamed").getInt("chunks")).isGreaterThan(1);
        assertThat(seen.getJsonObject("streamed").getString("text")).isNotBlank();
        assertThat(seen.getJsonObject("denied").getInt("status")).isEqualTo(403);
        assertThat(seen.getJsonObject("denied").getString("message")).contains("no-pro");
        assertThat(seen.getJsonObject("badKey").getInt("status")).isEqualTo(401);

        ReceivedRequest streamed = gateway.upstream.received().stream()
                .filter(r -> r.path().contains(":streamGenerateContent"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(streamed.path()).isEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent");
        assertThat(streamed.query()).isEqualTo("alt=sse");
        assertThat(streamed.header("x-goog-api-key")).isEqualTo(Gateway.UPSTREAM_CREDENTIAL);
        for (ReceivedRequest r : gateway.upstream.received()) {
            assertThat(r.headers().toString())
                    .as("the agent's key never goes upstream")
                    .doesNotContain(t.key());
        }

        JsonObject plainTrace = platform.awaitTrace(
                t.tenantId(),
                tr -> tr.getString("route", "").endsWith("/models/{model}:generateContent")
                        && tr.getInt("status") == 200);
        assertThat(plainTrace.getString("provider")).isEqualTo("gemini");
        assertThat(plainTrace.getString("model")).isEqualTo("gemini-2.0-flash");
        assertThat(plainTrace.getInt("promptTokens")).isPositive();
        assertThat(plainTrace.getInt("completionTokens")).isPositive();
        assertThat(plainTrace.getJsonNumber("costUsd").doubleValue()).isPositive();
        assertThat(plainTrace.getJsonArray("findings").stream()
                        .map(f -> f.asJsonObject().getString("type"))
                        .toList())
                .contains("EMAIL_ADDRESS");
        JsonObject streamTrace = platform.awaitTrace(
                t.tenantId(), tr -> tr.getString("route", "").endsWith(":streamGenerateContent"));
        assertThat(streamTrace.getBoolean("stream")).isTrue();
        assertThat(streamTrace.getInt("completionTokens")).isPositive();
    }

    @Test
    void redactionAndGoogleShapedErrorsApplyOnGeminiCalls(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        gemini(platform, gateway, t);
        assertThat(platform.post("/api/v1/tenants/" + t.tenantId() + "/policies", """
                        {"name":"mask-mail","conditions":{"findingTypes":["EMAIL_ADDRESS"]},"action":"REDACT"}""")
                        .statusCode())
                .isEqualTo(201);
        Thread.sleep(1000);

        HttpResponse<String> ok = call(gateway, t.key(), "/v1beta/models/gemini-2.0-flash:generateContent", """
                {"contents":[{"role":"user","parts":[{"text":"write to jane@acme.io"}]}]}""");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        String forwarded = new String(gateway.upstream.received().getLast().body(), StandardCharsets.UTF_8);
        assertThat(forwarded).doesNotContain("jane@acme.io").contains("[REDACTED:EMAIL_ADDRESS]");

        HttpResponse<String> bad =
                call(gateway, t.key(), "/v1beta/models/gemini-2.0-flash:generateContent", "{\"contents\":7}");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonObject error = Platform.json(bad.body()).getJsonObject("error");
        assertThat(error.getInt("code")).isEqualTo(400);
        assertThat(error.getString("status")).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.getString("message")).contains("contents");

        HttpResponse<String> sneaky =
                call(gateway, t.key(), "/v1beta/models/..%2F..%2Fadmin:generateContent", "{\"contents\":[]}");
        assertThat(sneaky.statusCode()).isIn(400, 404);
        HttpResponse<String> noModel =
                call(gateway, t.key(), "/v1beta/models/gpt-4o:generateContent", "{\"contents\":[]}");
        assertThat(noModel.statusCode()).isEqualTo(404);
        assertThat(Platform.json(noModel.body()).getJsonObject("error").getString("status"))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void theKeysRateLimitHoldsOnGeminiCallsAndRefusesInGooglesShape(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        gemini(platform, gateway, t);
        LimitsIT.limitKey(platform, t, "{\"limits\":{\"requestsPerMinute\":2}}");
        Thread.sleep(1000); // the key's new limit lives on the proxy

        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = call(gateway, t.key(), "/v1beta/models/gemini-2.0-flash:generateContent", """
                    {"contents":[{"parts":[{"text":"hello"}]}]}""");
            statuses.add(last.statusCode());
        }

        assertThat(statuses).containsExactly(200, 200, 429, 429);
        JsonObject error = Platform.json(last.body()).getJsonObject("error");
        assertThat(error.getString("status")).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(last.headers().firstValue("retry-after")).isPresent();
    }

    @Test
    void aKeyInTheQueryStringIsNeitherAcceptedNorPassedOn(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        gemini(platform, gateway, t);
        int before = gateway.upstream.received().size();

        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(URI.create(gateway.proxyUrl()
                                + "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse&key=" + t.key()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Platform.json(refused.body()).getJsonObject("error").getString("status"))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(gateway.upstream.received()).hasSize(before);

        HttpResponse<String> streamed = http.send(
                HttpRequest.newBuilder(URI.create(gateway.proxyUrl()
                                + "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse&key=leaked&extra=1"))
                        .header("Content-Type", "application/json")
                        .header("x-goog-api-key", t.key())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        ReceivedRequest forwarded = gateway.upstream.received().getLast();
        assertThat(forwarded.path()).isEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent");
        assertThat(forwarded.query()).isEqualTo("alt=sse");
    }

    private HttpResponse<String> call(Gateway gateway, String key, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("x-goog-api-key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The tenant's Gemini upstream: the simulator, speaking Google's dialect under /v1beta. */
    private static void gemini(Platform platform, Gateway gateway, Platform.TestTenant t) throws Exception {
        String base = gateway.upstream.baseUrl().replaceFirst("/v1$", "/v1beta");
        HttpResponse<String> created = platform.post(
                "/api/v1/tenants/" + t.tenantId() + "/upstreams", """
                {"name":"google","provider":"gemini","baseUrl":"%s","credential":"%s","models":["gemini-*"]}""".formatted(base, Gateway.UPSTREAM_CREDENTIAL));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}
