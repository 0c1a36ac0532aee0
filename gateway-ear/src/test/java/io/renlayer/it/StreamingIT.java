package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatewayExtension.class)
class StreamingIT {

    private static final long CHUNK_DELAY_MS = 300;

    @Test
    void eventsArriveAsTheUpstreamSendsThemAndUsageIsTraced(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tenant.key())
                .header("Content-Type", "application/json")
                .header("x-sim-chunk-delay-ms", Long.toString(CHUNK_DELAY_MS))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},
                         "messages":[{"role":"user","content":"stream me"}]}"""))
                .build();

        List<String> events = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        HttpResponse<Stream<String>> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            lines.filter(line -> line.startsWith("data: ")).forEach(line -> {
                arrivals.add(System.nanoTime());
                events.add(line.substring(6));
            });
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        // "Echo:", " stream", " me", the finish chunk, the usage chunk, [DONE]
        assertThat(events).hasSize(6).last().isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        for (String event : events.subList(0, 3)) {
            text.append(Platform.json(event)
                    .getJsonArray("choices")
                    .getJsonObject(0)
                    .getJsonObject("delta")
                    .getString("content"));
        }
        assertThat(text.toString()).isEqualTo("Echo: stream me");
        // Relayed chunk by chunk: the first event reached the client long before the last was sent.
        long spreadMillis = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1_000_000;
        assertThat(spreadMillis).isGreaterThanOrEqualTo(4 * CHUNK_DELAY_MS);

        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        JsonObject trace = platform.awaitTrace(tenant.tenantId(), t -> requestId.equals(t.getString("requestId")));
        assertThat(trace.getBoolean("stream")).isTrue();
        assertThat(trace.getInt("status")).isEqualTo(200);
        assertThat(trace.getInt("promptTokens")).isEqualTo(2);
        assertThat(trace.getInt("completionTokens")).isEqualTo(3);
        assertThat(trace.getInt("totalTokens")).isEqualTo(5);
    }

    @Test
    void aClientThatLeavesAStreamEndsTheUpstreamCallInsteadOfReadingItToTheEnd(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        // Some 40 events 300 ms apart: 12 s if the gateway read the stream to its end.
        String words = IntStream.range(0, 40).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        String body = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
                + words + "\"}]}";
        long abandonedBefore = gateway.upstream.abandonedStreams();
        URI proxy = URI.create(gateway.proxyUrl());
        String requestId;
        try (Socket client = new Socket(proxy.getHost(), proxy.getPort())) {
            OutputStream out = client.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: " + proxy.getAuthority() + "\r\n"
                            + "Authorization: Bearer " + tenant.key() + "\r\nContent-Type: application/json\r\n"
                            + "x-sim-chunk-delay-ms: " + CHUNK_DELAY_MS + "\r\n"
                            + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String id = null;
            List<String> head = new ArrayList<>();
            while ((line = in.readLine()) != null && !line.startsWith("data: ") && head.size() < 20) {
                head.add(line);
                if (line.toLowerCase().startsWith("x-request-id:")) {
                    id = line.substring("x-request-id:".length()).strip();
                }
            }
            assertThat(line).as("the first event, after %s", head).startsWith("data: ");
            requestId = id;
        } // the client leaves after the first event

        // The gateway notices at its next writes and drops the upstream connection: the upstream's
        // own writes then fail long before its 12 s stream would have ended.
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (gateway.upstream.abandonedStreams() == abandonedBefore && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(gateway.upstream.abandonedStreams()).isEqualTo(abandonedBefore + 1);

        JsonObject trace = platform.awaitTrace(tenant.tenantId(), t -> requestId.equals(t.getString("requestId")));
        assertThat(trace.getInt("status")).isEqualTo(200);
        assertThat(trace.getString("errorCode")).isEqualTo("client_disconnected");
    }
}
