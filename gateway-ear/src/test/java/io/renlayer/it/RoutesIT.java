package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.sim.UpstreamSimulator.ReceivedRequest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The routes beyond chat completions: Anthropic messages, Responses, Embeddings, and the model list. */
@ExtendWith(GatewayExtension.class)
class RoutesIT {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anthropicMessagesWithXApiKeyAreForwardedWithTheUpstreamsOwnKeyAndTraced(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = withAnthropicUpstream(platform);
        String marker = "anthropic-" + System.nanoTime();

        HttpResponse<String> response = send(
                gateway,
                "/v1/messages",
                "x-api-key",
                t.key(),
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"system\":\"be brief\","
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hello " + marker + "\"}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject message = Platform.json(response.body());
        assertThat(message.getJsonArray("content").getJsonObject(0).getString("text"))
                .isEqualTo("Echo: hello " + marker);
        ReceivedRequest seen = gateway.upstream.received().stream()
                .filter(r -> new String(r.body()).contains(marker))
                .findFirst()
                .orElseThrow();
        assertThat(seen.path()).isEqualTo("/v1/messages");
        assertThat(seen.header("x-api-key")).isEqualTo(Gateway.UPSTREAM_CREDENTIAL);
        assertThat(seen.header("authorization")).isNull();
        assertThat(seen.header("anthropic-version")).isEqualTo("2023-06-01");

        JsonObject trace =
                platform.awaitTrace(t.tenantId(), tr -> requestId(response).equals(tr.getString("requestId")));
        assertThat(trace.getString("provider")).isEqualTo("anthropic");
        assertThat(trace.getString("route")).isEqualTo("/v1/messages");
        assertThat(trace.getInt("promptTokens")).isEqualTo(4); // "be brief" + "hello <marker>"
        assertThat(trace.getInt("completionTokens")).isEqualTo(3);
        // claude-sonnet-4*: $3 / $15 per Mtok → 4 × 3 + 3 × 15 = 57 µ$
        assertThat(trace.getJsonNumber("costUsd").bigDecimalValue()).isEqualByComparingTo("0.000057");
    }

    @Test
    void streamedAnthropicUsageIsReadFromMessageStartAndMessageDelta(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = withAnthropicUpstream(platform);

        HttpResponse<Stream<String>> response = http.send(
                request(
                        gateway,
                        "/v1/messages",
                        "x-api-key",
                        t.key(),
                        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"stream three words\"}]}"),
                HttpResponse.BodyHandlers.ofLines());
        List<String> events;
        try (Stream<String> lines = response.body()) {
            events = lines.filter(l -> l.startsWith("event: ")).toList();
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(events).startsWith("event: message_start").endsWith("event: message_stop");
        String id = response.headers().firstValue("x-request-id").orElseThrow();
        JsonObject trace = platform.awaitTrace(t.tenantId(), tr -> id.equals(tr.getString("requestId")));
        assertThat(trace.getBoolean("stream")).isTrue();
        assertThat(trace.getInt("promptTokens")).isEqualTo(3);
        assertThat(trace.getInt("completionTokens")).isEqualTo(4);
    }

    @Test
    void anthropicCallersGetErrorsInTheirDialect(Gateway gateway) throws Exception {
        HttpResponse<String> refused = send(
                gateway,
                "/v1/messages",
                "x-api-key",
                "rk_live_AAAAAAAAAAAA_" + "D".repeat(40),
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"messages\":[]}");

        assertThat(refused.statusCode()).isEqualTo(401);
        JsonObject body = Platform.json(refused.body());
        assertThat(body.getString("type")).isEqualTo("error");
        assertThat(body.getJsonObject("error").getString("type")).isEqualTo("authentication_error");
    }

    @Test
    void responsesAndEmbeddingsAreForwardedAndTheirUsageTraced(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();

        HttpResponse<String> responses = send(
                gateway,
                "/v1/responses",
                "Authorization",
                "Bearer " + t.key(),
                "{\"model\":\"gpt-4.1\",\"input\":\"summarise this please\"}");
        HttpResponse<String> embeddings = send(
                gateway,
                "/v1/embeddings",
                "Authorization",
                "Bearer " + t.key(),
                "{\"model\":\"text-embedding-3-small\",\"input\":[\"first text\",\"second one here\"]}");

        assertThat(responses.statusCode()).isEqualTo(200);
        assertThat(Platform.json(responses.body()).getString("object")).isEqualTo("response");
        assertThat(embeddings.statusCode()).isEqualTo(200);
        assertThat(Platform.json(embeddings.body()).getJsonArray("data")).hasSize(2);
        JsonObject responseTrace =
                platform.awaitTrace(t.tenantId(), tr -> requestId(responses).equals(tr.getString("requestId")));
        JsonObject embeddingTrace =
                platform.awaitTrace(t.tenantId(), tr -> requestId(embeddings).equals(tr.getString("requestId")));
        assertThat(responseTrace.getString("route")).isEqualTo("/v1/responses");
        assertThat(responseTrace.getInt("promptTokens")).isEqualTo(3);
        assertThat(responseTrace.getInt("completionTokens")).isEqualTo(4);
        assertThat(embeddingTrace.getInt("promptTokens")).isEqualTo(5);
        assertThat(embeddingTrace.containsKey("completionTokens")).isFalse();
    }

    @Test
    void theModelListShowsWhatTheKeyMayUse(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        platform.post("/api/v1/tenants/" + t.tenantId() + "/upstreams", """
                {"name":"named","provider":"openai","baseUrl":"%s","credential":"x","models":["gpt-4o","gpt-4o-mini","o3","o3*"]}""".formatted(gateway.upstream.baseUrl()));
        LimitsIT.limitKey(platform, t, "{\"allowedModels\":[\"gpt-4o*\"]}");

        List<String> ids = List.of();
        for (int i = 0; i < 50 && !ids.equals(List.of("gpt-4o", "gpt-4o-mini")); i++) { // caches follow changes
            HttpResponse<String> list = http.send(
                    HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/models"))
                            .header("Authorization", "Bearer " + t.key())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            ids = Platform.json(list.body()).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .map(m -> m.getString("id"))
                    .toList();
            Thread.sleep(100);
        }
        assertThat(ids).containsExactly("gpt-4o", "gpt-4o-mini");
    }

    private static Platform.TestTenant withAnthropicUpstream(Platform platform) throws Exception {
        Platform.TestTenant t = platform.newTenant();
        platform.addAnthropicUpstream(t.tenantId());
        return t;
    }

    private HttpResponse<String> send(Gateway gateway, String path, String header, String value, String body)
            throws Exception {
        return http.send(request(gateway, path, header, value, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(Gateway gateway, String path, String header, String value, String body) {
        return HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header(header, value)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-request-id").orElseThrow();
    }
}
