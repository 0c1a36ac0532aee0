package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A secret the upstream streams in two pieces is redacted whole: the simulator cuts its echo where
 * the prompt has U+2063, so the key arrives as "...AKIAQWER" then "TYUIOPASDFGH".
 */
@ExtendWith(GatewayExtension.class)
class StreamingRedactionIT {

    private static final String KEY = "AKIAQWERTYUIOPASDFGH";
    private static final String SPLIT_KEY = "AKIAQWER\\u2063TYUIOPASDFGH";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aKeySplitAcrossOpenAiChunksIsRedacted(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        String body = """
                {"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"my key is %s, keep it"}]}""".formatted(SPLIT_KEY);

        List<String> plain = openAiPieces(send(gateway, "/v1/chat/completions", t.key(), body, false));
        assertThat(String.join("", plain)).isEqualTo("Echo: my key is " + KEY + ", keep it");
        assertThat(plain).noneMatch(p -> p.contains(KEY)); // the upstream really splits it

        redactKeysInAnswers(platform, t);
        HttpResponse<String> redacted = awaitRedaction(gateway, "/v1/chat/completions", t.key(), body, false);
        assertThat(String.join("", openAiPieces(redacted)))
                .isEqualTo("Echo: my key is [REDACTED:AWS_ACCESS_KEY_ID], keep it");
        assertThat(redacted.body())
                .doesNotContain("AKIAQWER")
                .doesNotContain("TYUIOPASDFGH")
                .endsWith("data: [DONE]\n\n");
    }

    @Test
    void aKeySplitAcrossAnthropicEventsIsRedacted(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        platform.addAnthropicUpstream(t.tenantId());
        redactKeysInAnswers(platform, t);
        String body = """
                {"model":"claude-sonnet-4-5","max_tokens":50,"stream":true,"messages":[{"role":"user","content":"key %s"}]}""".formatted(SPLIT_KEY);

        HttpResponse<String> response = awaitRedaction(gateway, "/v1/messages", t.key(), body, true);
        List<String> texts = new ArrayList<>();
        List<String> eventNames = new ArrayList<>();
        for (String event : response.body().split("\n\n")) {
            for (String line : event.split("\n")) {
                if (line.startsWith("event: ")) {
                    eventNames.add(line.substring(7));
                }
                if (line.startsWith("data: ") && line.contains("\"text_delta\"")) {
                    texts.add(Platform.json(line.substring(6))
                            .getJsonObject("delta")
                            .getString("text"));
                }
            }
        }
        assertThat(String.join("", texts)).isEqualTo("Echo: key [REDACTED:AWS_ACCESS_KEY_ID]");
        assertThat(response.body()).doesNotContain("AKIAQWER").doesNotContain("TYUIOPASDFGH");
        // Held text goes out as a text event of its own, before the block closes.
        assertThat(eventNames.subList(
                        eventNames.indexOf("content_block_stop") - 1, eventNames.indexOf("content_block_stop") + 1))
                .containsExactly("content_block_delta", "content_block_stop");
    }

    private static void redactKeysInAnswers(Platform platform, Platform.TestTenant t) throws Exception {
        assertThat(platform.post("/api/v1/tenants/" + t.tenantId() + "/policies", """
                {"name":"mask-keys","priority":10,"phase":"response","conditions":{"findingTypes":["AWS_ACCESS_KEY_ID"]},
                 "action":"REDACT"}""")
                        .statusCode())
                .isEqualTo(201);
    }

    private HttpResponse<String> awaitRedaction(
            Gateway gateway, String path, String key, String body, boolean anthropic) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 50; i++) {
            last = send(gateway, path, key, body, anthropic);
            if (last.body().contains("REDACTED")) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no redaction within 5 s: " + last.body());
    }

    private HttpResponse<String> send(Gateway gateway, String path, String key, String body, boolean anthropic)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.proxyUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (anthropic) {
            request.header("x-api-key", key).header("anthropic-version", "2023-06-01");
        } else {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static List<String> openAiPieces(HttpResponse<String> response) {
        List<String> pieces = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: {")) {
                JsonObject chunk = Platform.json(line.substring(6));
                JsonObject delta =
                        chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
                if (delta.containsKey("content")) {
                    pieces.add(delta.getString("content"));
                }
            }
        }
        return pieces;
    }
}
