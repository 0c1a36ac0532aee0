package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.sim.UpstreamSimulator;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a careless or hostile client sends gets a clear 4xx in the caller's dialect, nothing reaches
 * the upstream, and the gateway goes on serving.
 */
@ExtendWith(GatewayExtension.class)
class BadInputIT {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aNonJsonContentTypeIsRefusedWith415InEachDialect(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();
        long before = gateway.upstream.receivedCount();

        HttpResponse<String> openAi = post(
                gateway,
                "/v1/chat/completions",
                t.key(),
                "text/plain",
                Proxy.userMessage("gpt-4o", "hi").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> anthropic = post(
                gateway,
                "/v1/messages",
                t.key(),
                "application/x-www-form-urlencoded",
                "model=claude&messages=hi".getBytes(StandardCharsets.UTF_8));

        assertThat(openAi.statusCode()).isEqualTo(415);
        assertThat(error(openAi).getString("code")).isEqualTo("unsupported_media_type");
        assertThat(error(openAi).getString("message")).contains("text/plain");
        assertThat(anthropic.statusCode()).isEqualTo(415);
        assertThat(Platform.json(anthropic.body()).getString("type")).isEqualTo("error");
        assertThat(gateway.upstream.receivedCount()).isEqualTo(before);
    }

    @Test
    void invalidUtf8IsRefusedRatherThanGuessedAt(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();
        long before = gateway.upstream.receivedCount();
        byte[] body = Proxy.userMessage("gpt-4o", "caf__").getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf("__");
        body[at] = (byte) 0xC3; // a lead byte, then a byte that cannot follow it
        body[at + 1] = (byte) 0x28;

        HttpResponse<String> response = post(gateway, "/v1/chat/completions", t.key(), "application/json", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).getString("code")).isEqualTo("invalid_encoding");
        assertThat(gateway.upstream.receivedCount()).isEqualTo(before);
    }

    @Test
    void bodiesOverTheConfiguredLimitGet413WhetherDeclaredOrChunked(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();
        long before = gateway.upstream.receivedCount();
        int over = Gateway.MAX_REQUEST_BYTES + 1;

        RawHttp.Reply declared = RawHttp.exchange(gateway.proxyPort, chatHead(gateway, t, "Content-Length: " + over));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        byte[][] chunks = new byte[over / chunk.length + 2][];
        byte[] framed = frame(chunk);
        Arrays.fill(chunks, framed);
        RawHttp.Reply chunked =
                RawHttp.exchange(gateway.proxyPort, chatHead(gateway, t, "Transfer-Encoding: chunked"), chunks);

        for (RawHttp.Reply reply : new RawHttp.Reply[] {declared, chunked}) {
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.text())
                    .contains("\"code\":\"request_too_large\"")
                    .contains(Integer.toString(Gateway.MAX_REQUEST_BYTES));
        }
        assertThat(gateway.upstream.receivedCount()).isEqualTo(before);
        assertThat(new Proxy(gateway)
                        .chat(t.key(), Proxy.userMessage("gpt-4o", "still serving"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void controlCharactersInHeadersAreRefused(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();
        long before = gateway.upstream.receivedCount();

        RawHttp.Reply reply = RawHttp.exchange(
                gateway.proxyPort,
                chatHead(gateway, t, "X-Agent: plan\u0001ner", "Content-Length: " + CHAT.length),
                CHAT);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("\"code\":\"invalid_header\"").contains("\"param\":\"X-Agent\"");
        assertThat(gateway.upstream.receivedCount()).isEqualTo(before);
    }

    @Test
    void aHeaderSmuggledBehindABareCarriageReturnNeverReachesTheUpstream(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();

        // Liberty ends the header line at the bare CR, so the smuggled text arrives as a header of
        // its own: one the gateway never forwards.
        RawHttp.Reply reply = RawHttp.exchange(
                gateway.proxyPort,
                chatHead(gateway, t, "X-Agent: planner\rX-Forwarded-For: 10.6.6.6", "Content-Length: " + CHAT.length),
                CHAT);

        assertThat(reply.status()).isEqualTo(200);
        UpstreamSimulator.ReceivedRequest seen = gateway.upstream.received().getLast();
        assertThat(seen.headers().toString()).doesNotContain("10.6.6.6").doesNotContain("\r");
    }

    @Test
    void conflictingBodyFramingIsRefusedBeforeAnythingIsForwarded(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();
        long before = gateway.upstream.receivedCount();
        // Both framings at once: the classic request-smuggling set-up.
        String smuggled = "0\r\n\r\nPOST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n\r\n";

        RawHttp.Reply reply = RawHttp.exchange(
                gateway.proxyPort,
                chatHead(gateway, t, "Content-Length: " + smuggled.length(), "Transfer-Encoding: chunked"),
                smuggled.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(gateway.upstream.receivedCount()).isEqualTo(before);
    }

    private static final byte[] CHAT = Proxy.userMessage("gpt-4o", "raw").getBytes(StandardCharsets.UTF_8);

    /** A chat call's request head with the given header lines (framing included) at its end. */
    private static String chatHead(Gateway gateway, Platform.TestTenant t, String... lines) {
        return """
                POST /v1/chat/completions HTTP/1.1
                Host: 127.0.0.1:%d
                Connection: close
                Authorization: Bearer %s
                Content-Type: application/json
                """.formatted(gateway.proxyPort, t.key()) + String.join("\n", lines) + "\n";
    }

    private HttpResponse<String> post(Gateway gateway, String path, String key, String contentType, byte[] body)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject error(HttpResponse<String> response) {
        return Platform.json(response.body()).getJsonObject("error");
    }

    private static byte[] frame(byte[] chunk) {
        byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[head.length + chunk.length + 2];
        System.arraycopy(head, 0, framed, 0, head.length);
        System.arraycopy(chunk, 0, framed, head.length, chunk.length);
        framed[framed.length - 2] = '\r';
        framed[framed.length - 1] = '\n';
        return framed;
    }
}
