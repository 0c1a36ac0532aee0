package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The official Anthropic Java SDK, pointed at the gateway with a virtual key. */
@ExtendWith(GatewayExtension.class)
class AnthropicSdkIT {

    @Test
    void theSdkGetsMessagesPlainAndStreamed(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant t = platform.newTenant();
        platform.addAnthropicUpstream(t.tenantId());
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .apiKey(t.key())
                .baseUrl(gateway.proxyUrl())
                .maxRetries(0)
                .build();

        Message message = client.messages()
                .create(MessageCreateParams.builder()
                        .model("claude-sonnet-4-5")
                        .maxTokens(64)
                        .addUserMessage("hello from the sdk")
                        .build());
        assertThat(message.content().get(0).asText().text()).isEqualTo("Echo: hello from the sdk");

        StringBuilder streamed = new StringBuilder();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages()
                .createStreaming(MessageCreateParams.builder()
                        .model("claude-sonnet-4-5")
                        .maxTokens(64)
                        .addUserMessage("stream from the sdk")
                        .build())) {
            stream.stream()
                    .forEach(event -> event.contentBlockDelta()
                            .flatMap(delta -> delta.delta().text())
                            .ifPresent(text -> streamed.append(text.text())));
        }
        assertThat(streamed.toString()).isEqualTo("Echo: stream from the sdk");

        JsonObject trace = platform.awaitTrace(t.tenantId(), tr -> tr.getBoolean("stream"));
        assertThat(trace.getString("provider")).isEqualTo("anthropic");
        assertThat(trace.getInt("promptTokens")).isEqualTo(4);
        assertThat(trace.getInt("completionTokens")).isEqualTo(5);
        assertThat(trace.getJsonNumber("costUsd").bigDecimalValue().signum()).isPositive();
    }
}
