package io.renlayer.plugins.upstream.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.renlayer.spi.upstream.BadModelRequest;
import io.renlayer.spi.upstream.ForwardRequest;
import io.renlayer.spi.upstream.GatewayError;
import io.renlayer.spi.upstream.ModelCall;
import io.renlayer.spi.upstream.ModelRequest;
import io.renlayer.spi.upstream.ProviderRoute;
import io.renlayer.spi.upstream.Usage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiProviderTest {

    private final GeminiProvider gemini = new GeminiProvider();

    @Test
    void servesGoogleClientsRoutesUnderBothVersionsStreamingOnlyWhereThePathSaysSo() {
        assertThat(gemini.routes())
                .extracting(ProviderRoute::path)
                .containsExactly(
                        "/v1beta/models/{model}:generateContent",
                        "/v1beta/models/{model}:streamGenerateContent",
                        "/v1/models/{model}:generateContent",
                        "/v1/models/{model}:streamGenerateContent");
        assertThat(gemini.routes()).filteredOn(ProviderRoute::streams).allSatisfy(r -> {
            assertThat(r.path()).contains("stream");
            assertThat(r.queryParameters()).containsExactly("alt");
        });
    }

    @Test
    void readsTheModelFromThePathAndEveryTextPartAsThePrompt() {
        ModelRequest read = gemini.readRequest(ModelCall.of(gemini.routes().get(1), "gemini-2.0-flash", """
                {"systemInstruction":{"parts":[{"text":"be brief"}]},
                 "contents":[{"role":"user","parts":[{"text":"mail jane@acme.io"},{"inlineData":{"mimeType":"image/png","data":"AAAA"}}]},
                             {"role":"model","parts":[{"functionCall":{"name":"lookup","args":{"q":"x"}}}]},
                             {"role":"user","parts":[{"functionResponse":{"name":"lookup","response":{"card":"4111 1111 1111 1111"}}}]}],
                 "tools":[{"functionDeclarations":[{"name":"lookup","description":"finds things"}]}],
                 "generationConfig":{"maxOutputTokens":64}}"""));

        assertThat(read.model()).isEqualTo("gemini-2.0-flash");
        assertThat(read.stream()).isTrue();
        assertThat(read.maxTokens()).isEqualTo(64);
        assertThat(read.promptText()).contains("be brief", "mail jane@acme.io", "4111 1111 1111 1111");
        assertThat(read.otherText()).contains("lookup", "finds things", "user").doesNotContain("jane@acme.io");
    }

    @Test
    void refusesWhatGoogleRefusesInWordsForTheCaller() {
        ProviderRoute route = gemini.routes().getFirst();
        assertThatThrownBy(() -> gemini.readRequest(ModelCall.of(route, "m", "{\"contents\":\"hi\"}")))
                .isInstanceOf(BadModelRequest.class)
                .hasMessageContaining("contents");
        assertThatThrownBy(() -> gemini.readRequest(ModelCall.of(route, "m", "[1]")))
                .isInstanceOf(BadModelRequest.class);
        assertThatThrownBy(() -> gemini.readRequest(ModelCall.of(route, "m", "{\"contents\":[")))
                .isInstanceOf(BadModelRequest.class)
                .hasMessage("Invalid JSON payload received.");
    }

    @Test
    void usageIsUsageMetadataInTheBodyAndInEachStreamedChunk() {
        String chunk = "{\"candidates\":[],\"usageMetadata\":{\"promptTokenCount\":7,\"candidatesTokenCount\":3,"
                + "\"totalTokenCount\":10}}";
        assertThat(gemini.usageFromBody(chunk.getBytes(StandardCharsets.UTF_8))).isEqualTo(Usage.of(7, 3));
        assertThat(gemini.usageFromEvent(chunk)).isEqualTo(Usage.of(7, 3));
        assertThat(gemini.usageFromEvent("{\"candidates\":[]}")).isEqualTo(Usage.UNKNOWN);
        assertThat(gemini.usageFromEvent("{not json \"usageMetadata\"")).isEqualTo(Usage.UNKNOWN);
    }

    @Test
    void errorsAreInGooglesShape() {
        String body = gemini.errorBody(new GatewayError(403, "permission_error", "policy_denied", "Denied.", "req_1"));
        assertThat(body)
                .isEqualTo("{\"error\":{\"code\":403,\"message\":\"Denied.\",\"status\":\"PERMISSION_DENIED\"}}");
        assertThat(gemini.errorBody(new GatewayError(429, "rate_limit_error", "x", "Slow down.", "r")))
                .contains("RESOURCE_EXHAUSTED");
    }

    @Test
    void theCredentialIsAnApiKeyOrABearerToken() {
        ForwardRequest call =
                ForwardRequest.of("POST", URI.create("http://up/v1beta/models/m:generateContent"), new byte[0]);

        assertThat(gemini.prepare(call, "k1", Map.of()).headers().get("x-goog-api-key"))
                .containsExactly("k1");
        ForwardRequest bearer = gemini.prepare(call, "tok", Map.of("auth", "bearer"));
        assertThat(bearer.headers().get("authorization")).containsExactly("Bearer tok");
        assertThat(bearer.headers()).doesNotContainKey("x-goog-api-key");
        assertThat(gemini.invalidSettings(Map.of("auth", "bearer"))).isNull();
        assertThat(gemini.invalidSettings(Map.of("auth", "basic"))).contains("auth must be one of");
        assertThat(gemini.invalidSettings(Map.of("region", "eu"))).contains("only the setting auth");
    }
}
