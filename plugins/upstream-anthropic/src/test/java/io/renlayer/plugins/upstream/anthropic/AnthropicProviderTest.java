package io.renlayer.plugins.upstream.anthropic;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.spi.upstream.ForwardRequest;
import io.renlayer.spi.upstream.Usage;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicProviderTest {

    private final AnthropicProvider provider = new AnthropicProvider();

    @Test
    void readsUsageFromAMessage() {
        assertThat(provider.usageFromBody("""
                {"type":"message","content":[{"type":"text","text":"hi"}],
                 "usage":{"input_tokens":12,"output_tokens":6}}""".getBytes(UTF_8))).isEqualTo(Usage.of(12, 6));
        assertThat(provider.usageFromBody("nope".getBytes(UTF_8))).isEqualTo(Usage.UNKNOWN);
    }

    @Test
    void combinesStreamedUsageFromMessageStartAndMessageDelta() {
        Usage start = provider.usageFromEvent(
                "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}");
        Usage delta = provider.usageFromEvent("{\"type\":\"message_delta\",\"usage\":{\"output_tokens\":15}}");

        assertThat(Usage.UNKNOWN.merge(start).merge(delta)).isEqualTo(Usage.of(25, 15));
        assertThat(provider.usageFromEvent("{\"type\":\"content_block_delta\",\"delta\":{\"text\":\"x\"}}"))
                .isEqualTo(Usage.UNKNOWN);
    }

    @Test
    void putsTheCredentialInXApiKeyAndDefaultsTheVersion() {
        ForwardRequest call = ForwardRequest.of("POST", URI.create("http://u/v1/messages"), new byte[0]);

        ForwardRequest prepared = provider.prepare(call, "sk-ant-upstream");
        ForwardRequest keepsClientVersion = provider.prepare(call.withHeader("anthropic-version", "2024-01-01"), "k");

        assertThat(prepared.headers())
                .containsEntry("x-api-key", List.of("sk-ant-upstream"))
                .containsEntry("anthropic-version", List.of("2023-06-01"))
                .doesNotContainKey("authorization");
        assertThat(keepsClientVersion.headers()).containsEntry("anthropic-version", List.of("2024-01-01"));
    }
}
