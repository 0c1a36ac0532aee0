package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security findings 7, 8 and the duplicate keys of 12: oversized and deeply nested bodies,
 * malformed chunks and encoded dots get a 400 or 413 in the caller's format on both listeners,
 * never a stack trace and never Liberty's HTML page.
 */
@ExtendWith(GatewayExtension.class)
class HostileInputIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void malformedChunksEncodedDotsAndDeepNestingGetJsonErrorsOnBothListeners(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();
        String chunkedHead = """
                POST %s HTTP/1.1
                Host: 127.0.0.1:%d
                Authorization: Bearer %s
                Content-Type: application/json
                Transfer-Encoding: chunked
                """;
        byte[] badChunk = "ZZ\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        List<RawHttp.Reply> replies = List.of(
                RawHttp.exchange(
                        gateway.proxyPort,
                        chunkedHead.formatted("/v1/chat/completions", gateway.proxyPort, t.key()),
                        badChunk),
                RawHttp.exchange(
                        gateway.controlPort,
                        chunkedHead.formatted("/api/v1/tenants", gateway.controlPort, gateway.operatorToken),
                        badChunk),
                RawHttp.exchange(
                        gateway.proxyPort,
                        "GET /services/%2e%2e/x HTTP/1.1\nHost: 127.0.0.1:" + gateway.proxyPort
                                + "\nAuthorization: Bearer " + t.key() + "\n"),
                RawHttp.exchange(
                        gateway.controlPort,
                        "GET /api/v1/%2E%2E/tenants HTTP/1.1\nHost: 127.0.0.1:" + gateway.controlPort
                                + "\nAuthorization: Bearer " + gateway.operatorToken + "\n"));
        for (RawHttp.Reply reply : replies) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
            assertNoInternals(reply.text());
        }
        // Liberty's own applications on the control listener, which have no error page of their own.
        for (String path : List.of("/metrics/%2E%2E", "/openapi/%2E%2E")) {
            RawHttp.Reply liberty = RawHttp.exchange(
                    gateway.controlPort, "GET " + path + " HTTP/1.1\nHost: 127.0.0.1:" + gateway.controlPort + "\n");
            assertThat(liberty.status()).as(path).isEqualTo(400);
            assertThat(liberty.text()).as(path).doesNotContain("Exception").doesNotContain("at com.ibm");
        }
        assertThat(replies.get(0).text()).contains("\"error\":{");
        assertThat(replies.get(1).text()).contains("application/problem+json");

        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        HttpResponse<String> proxy =
                new Proxy(gateway).chat(t.key(), "{\"model\":\"gpt-4o\",\"messages\":" + nested + "}");
        HttpResponse<String> policies =
                new Platform(gateway).post("/api/v1/tenants/" + t.tenantId() + "/policies", nested);
        HttpResponse<String> nestedObject = new Platform(gateway)
                .post(
                        "/api/v1/tenants/" + t.tenantId() + "/agents",
                        "{\"name\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}");
        for (HttpResponse<String> response : List.of(proxy, policies, nestedObject)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertNoInternals(response.body());
        }
    }

    @Test
    void theControlListenerReadsAtMostItsBodyLimit(Gateway gateway) throws Exception {
        byte[] large = new byte[3 << 20];
        Arrays.fill(large, (byte) 'a');
        HttpResponse<String> declared = http.send(
                HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/api/v1/auth/sign-in"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(large))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/api/v1/auth/sign-in"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        }
        HttpResponse<String> console = http.send(
                HttpRequest.newBuilder(URI.create(gateway.controlUrl() + "/console/login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(large))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(413);
    }

    @Test
    void aNulInApiInputIsRefusedAnd_aDuplicateModelKeyOnTheProxyToo(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        HttpResponse<String> agent =
                platform.post("/api/v1/tenants/" + t.tenantId() + "/agents", "{\"name\":\"nul\\u0000name\"}");
        assertThat(agent.statusCode()).as(agent.body()).isEqualTo(400);
        assertThat(platform.get("/api/v1/tenants/" + t.tenantId() + "/agents").body())
                .doesNotContain("nul");

        HttpResponse<String> twice = new Proxy(gateway)
                .chat(
                        t.key(),
                        "{\"model\":\"gpt-4o\",\"model\":\"o3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(Platform.json(twice.body()).getJsonObject("error").getString("param"))
                .isEqualTo("model");
    }

    /** Not Liberty's page, nor any exception or stack frame. */
    private static void assertNoInternals(String text) {
        assertThat(text)
                .doesNotContain("Exception")
                .doesNotContain("at com.ibm")
                .doesNotContain("at io.renlayer")
                .doesNotContain("<html")
                .doesNotContain("<!DOCTYPE");
    }
}
