package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An upstream that cannot be reached, or is too slow: retry, fallback, timeouts, all traced. */
@ExtendWith(GatewayExtension.class)
class ResilienceIT {

    @Test
    void anUnreachableUpstreamIsRetriedThenItsFallbackServesTheCall(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Bare t = bareTenant(platform);
        String backup = upstream(platform, t.tenantId, "backup", gateway.upstream.baseUrl(), "[\"backup-only\"]", "");
        upstream(platform, t.tenantId, "dead", deadBaseUrl(), "[\"*\"]", ",\"fallbackUpstreamId\":\"" + backup + "\"");

        HttpResponse<String> response = new Proxy(gateway).chat(t.key, Proxy.userMessage("gpt-4o", "rescued"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject trace = trace(platform, t.tenantId, response);
        assertThat(trace.getString("upstreamId")).isEqualTo(backup);
        assertThat(flags(trace)).containsExactly("upstream_retried", "upstream_fallback");
    }

    @Test
    void withoutAFallbackTheCallerGetsABadGatewayAfterOneRetry(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Bare t = bareTenant(platform);
        upstream(platform, t.tenantId, "dead", deadBaseUrl(), "[\"*\"]", "");

        HttpResponse<String> response = new Proxy(gateway).chat(t.key, Proxy.userMessage("gpt-4o", "lost"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(Platform.json(response.body()).getJsonObject("error").getString("code"))
                .isEqualTo("upstream_unreachable");
        assertThat(flags(trace(platform, t.tenantId, response))).containsExactly("upstream_retried");
    }

    @Test
    void connectionsTheUpstreamClosedWhileIdleInThePoolAreReplacedWithoutAnError(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Bare t = bareTenant(platform);
        try (CuttableTcpLink link = new CuttableTcpLink("127.0.0.1", gateway.upstream.port())) {
            upstream(platform, t.tenantId, "closing", "http://127.0.0.1:" + link.port() + "/v1", "[\"*\"]", "");
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // Calls at once leave as many connections in the gateway's pool as there were calls.
            List<CompletableFuture<HttpResponse<String>>> overlapping = IntStream.range(0, 4)
                    .mapToObj(i -> client.sendAsync(
                            chat(gateway, t.key, Proxy.userMessage("gpt-4o", "pooled " + i), 300),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            for (CompletableFuture<HttpResponse<String>> call : overlapping) {
                assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            // The upstream closes every idle connection at once, as a server's idle sweep or
            // its cap on idle connections does; the gateway's pool still holds them all.
            link.cut();
            link.restore();
            Thread.sleep(100);

            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = client.send(
                        chat(gateway, t.key, Proxy.userMessage("gpt-4o", "after " + i), 0),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                // Not an upstream failure: nothing for an operator to look into.
                assertThat(flags(trace(platform, t.tenantId, response))).isEmpty();
            }
        }
    }

    @Test
    void aSlowUpstreamTimesOutAtItsOwnReadTimeout(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Bare t = bareTenant(platform);
        upstream(platform, t.tenantId, "slow", gateway.upstream.baseUrl(), "[\"*\"]", ",\"readTimeoutMs\":300");

        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                                .header("Authorization", "Bearer " + t.key)
                                .header("x-sim-delay-ms", "3000")
                                .POST(HttpRequest.BodyPublishers.ofString(Proxy.userMessage("gpt-4o", "too slow")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(Platform.json(response.body()).getJsonObject("error").getString("code"))
                .isEqualTo("upstream_timeout");
        assertThat(took).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aStreamThatStallsIsCutAtTheReadTimeoutBetweenChunks(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Bare t = bareTenant(platform);
        upstream(platform, t.tenantId, "stalling", gateway.upstream.baseUrl(), "[\"*\"]", ",\"readTimeoutMs\":400");

        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                                .header("Authorization", "Bearer " + t.key)
                                .header("x-sim-chunk-delay-ms", "1500")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o\",\"stream\":true,"
                                        + "\"messages\":[{\"role\":\"user\",\"content\":\"one two three four\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // The headers and the first chunk came in time; then the upstream went quiet for 1.5 s.
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Echo:").doesNotContain("[DONE]");
        assertThat(took).isLessThan(Duration.ofMillis(2_500));
        JsonObject trace = platform.awaitTrace(t.tenantId, tr -> tr.getBoolean("stream"));
        assertThat(trace.getString("errorCode")).isEqualTo("upstream_timeout");
    }

    @Test
    void anAnswerThatStallsBeforeAnyOfItIsPassedOnBecomesA504(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Bare t = bareTenant(platform);
        upstream(platform, t.tenantId, "stalling", gateway.upstream.baseUrl(), "[\"*\"]", ",\"readTimeoutMs\":400");

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                                .header("Authorization", "Bearer " + t.key)
                                .header("x-sim-chunk-delay-ms", "1500")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"model\":\"sim-stalled-body\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        // The upstream's 200 and half its JSON were held back (a plain answer is relayed whole),
        // so the caller is told what happened instead of getting a 200 with a cut body.
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(Platform.json(response.body()).getJsonObject("error").getString("code"))
                .isEqualTo("upstream_timeout");
        JsonObject trace = platform.awaitTrace(t.tenantId, tr -> true);
        assertThat(trace.getInt("status")).isEqualTo(504);
        assertThat(trace.getString("errorCode")).isEqualTo("upstream_timeout");
    }

    @Test
    void pastItsBoundOfBodyBytesInFlightTheGatewayShedsCallsWithA503UntilOneEnds(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Bare t = bareTenant(platform);
        upstream(platform, t.tenantId, "slow", gateway.upstream.baseUrl(), "[\"*\"]", "");
        // Two of these are more than the gateway lets in at once; one is well under the request size limit.
        String large =
                Proxy.userMessage("gpt-4o", "plain words ".repeat((int) (Gateway.MAX_IN_FLIGHT_BYTES * 0.55 / 12)));
        HttpClient client = HttpClient.newHttpClient();
        String inFlightBody = "renlayer_proxy_in_flight_body_bytes";

        CompletableFuture<HttpResponse<String>> held =
                client.sendAsync(chat(gateway, t.key, large, 3000), HttpResponse.BodyHandlers.ofString());
        Metrics.await(gateway.controlUrl(), inFlightBody, bytes -> bytes >= large.length());

        HttpResponse<String> shed = client.send(chat(gateway, t.key, large, 0), HttpResponse.BodyHandlers.ofString());
        assertThat(shed.statusCode()).as(shed.body()).isEqualTo(503);
        assertThat(Platform.json(shed.body()).getJsonObject("error").getString("code"))
                .isEqualTo("gateway_overloaded");
        assertThat(shed.headers().firstValue("retry-after")).hasValue("1");
        HttpResponse<String> small = client.send(
                chat(gateway, t.key, Proxy.userMessage("gpt-4o", "small"), 0), HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).as("a small call still fits").isEqualTo(200);

        assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        Metrics.await(gateway.controlUrl(), inFlightBody, bytes -> bytes == 0);
        HttpResponse<String> retried =
                client.send(chat(gateway, t.key, large, 0), HttpResponse.BodyHandlers.ofString());
        assertThat(retried.statusCode())
                .as("the retry after the held call ended")
                .isEqualTo(200);
        assertThat(Metrics.value(gateway.controlUrl(), "renlayer_proxy_requests_shed_total"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void slowCallsPastTheInlineBoundLeaveTheServletThreadsFreeForAFastCall(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Bare t = bareTenant(platform);
        upstream(platform, t.tenantId, "slow", gateway.upstream.baseUrl(), "[\"*\"]", "");
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int slow = 64; // far more than the server has servlet threads

        List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, slow)
                .mapToObj(i -> client.sendAsync(
                        chat(gateway, t.key, Proxy.userMessage("gpt-4o", "slow " + i), 4000),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        Metrics.await(gateway.controlUrl(), "renlayer_proxy_in_flight_calls", calls -> calls >= slow);
        // Servlet threads wait on the upstream for only as many calls as the bound allows.
        assertThat(Metrics.value(gateway.controlUrl(), "renlayer_proxy_inline_calls"))
                .isEqualTo(Gateway.INLINE_CALLS);

        long started = System.nanoTime();
        HttpResponse<String> fast = client.send(
                chat(gateway, t.key, Proxy.userMessage("gpt-4o", "fast"), 0), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(fast.statusCode()).as(fast.body()).isEqualTo(200);
        assertThat(took).as("a fast call behind %d slow ones", slow).isLessThan(Duration.ofMillis(1_500));
        for (CompletableFuture<HttpResponse<String>> call : held) {
            assertThat(call.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        Metrics.await(gateway.controlUrl(), "renlayer_proxy_inline_calls", calls -> calls == 0);
    }

    private static HttpRequest chat(Gateway gateway, String key, String body, int upstreamDelayMs) {
        return HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key)
                .header("x-sim-delay-ms", Integer.toString(upstreamDelayMs))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    record Bare(String tenantId, String key) {}

    /** A tenant with an agent and a key, and no upstream yet: the test decides the order. */
    static Bare bareTenant(Platform platform) throws Exception {
        String tenant = Platform.json(platform.post("/api/v1/tenants", "{\"name\":\"resilience\"}")
                        .body())
                .getString("id");
        String agent = Platform.json(platform.post(
                                "/api/v1/tenants/" + tenant + "/agents", "{\"name\":\"a-" + UUID.randomUUID() + "\"}")
                        .body())
                .getString("id");
        String key = Platform.json(platform.post(
                                "/api/v1/tenants/" + tenant + "/keys", "{\"agentId\":\"" + agent + "\",\"name\":\"k\"}")
                        .body())
                .getString("key");
        return new Bare(tenant, key);
    }

    static String upstream(Platform platform, String tenant, String name, String baseUrl, String models, String extra)
            throws Exception {
        HttpResponse<String> created = platform.post(
                "/api/v1/tenants/" + tenant + "/upstreams",
                "{\"name\":\"" + name + "\",\"provider\":\"openai\",\"baseUrl\":\"" + baseUrl + "\",\"credential\":\""
                        + Gateway.UPSTREAM_CREDENTIAL + "\",\"models\":" + models + ",\"connectTimeoutMs\":1000" + extra
                        + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Platform.json(created.body()).getString("id");
    }

    /** A loopback port nobody listens on: connections are refused at once. */
    static String deadBaseUrl() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
    }

    private static JsonObject trace(Platform platform, String tenant, HttpResponse<String> response) throws Exception {
        String id = response.headers().firstValue("x-request-id").orElseThrow();
        return platform.awaitTrace(tenant, t -> id.equals(t.getString("requestId")));
    }

    private static List<String> flags(JsonObject trace) {
        return trace.getJsonArray("flags").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
