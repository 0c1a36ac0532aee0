package io.renlayer.plugins.upstream.openai;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.upstream.Usage;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class OpenAiProviderTest {

    private final OpenAiProvider provider = new OpenAiProvider();

    @Test
    void readsUsageFromACompletionBody() {
        byte[] body = """
                {"id":"chatcmpl-1","choices":[{"message":{"content":"hi"}}],
                 "usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}
                """.getBytes(UTF_8);

        assertThat(provider.usageFromBody(body)).isEqualTo(Usage.of(11, 7));
    }

    @Test
    void bodyWithoutUsageOrNotJsonIsUnknown() {
        assertThat(provider.usageFromBody("{\"id\":1}".getBytes(UTF_8))).isEqualTo(Usage.UNKNOWN);
        assertThat(provider.usageFromBody("<html>".getBytes(UTF_8))).isEqualTo(Usage.UNKNOWN);
        assertThat(provider.usageFromBody(new byte[0])).isEqualTo(Usage.UNKNOWN);
    }

    @Test
    void readsUsageFromTheFinalStreamedChunkOnly() {
        assertThat(provider.usageFromEvent("{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}"))
                .isEqualTo(Usage.UNKNOWN);
        assertThat(provider.usageFromEvent("{\"choices\":[],\"usage\":null}")).isEqualTo(Usage.UNKNOWN);
        assertThat(provider.usageFromEvent("[DONE]")).isEqualTo(Usage.UNKNOWN);
        assertThat(provider.usageFromEvent("{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":9}}"))
                .isEqualTo(Usage.of(5, 9));
    }

    @Test
    void readsTheResponsesApiAndEmbeddingsUsageShapes() {
        assertThat(provider.usageFromBody(
                        "{\"object\":\"response\",\"usage\":{\"input_tokens\":4,\"output_tokens\":9}}".getBytes(UTF_8)))
                .isEqualTo(Usage.of(4, 9));
        assertThat(provider.usageFromEvent("{\"type\":\"response.completed\",\"response\":{\"usage\":"
                        + "{\"input_tokens\":3,\"output_tokens\":5}}}"))
                .isEqualTo(Usage.of(3, 5));
        assertThat(provider.usageFromBody(
                        "{\"object\":\"list\",\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}".getBytes(UTF_8)))
                .isEqualTo(Usage.of(8, -1));
    }

    @Test
    void injectsABearerCredential() {
        assertThat(provider.credentialHeaders("sk-upstream"))
                .containsExactly(Map.entry("Authorization", "Bearer sk-upstream"));
    }

    @Test
    void isFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(RenLayerPlugin.class))
                .flatExtracting(RenLayerPlugin::upstreamProviders)
                .extracting(p -> p.id())
                .containsExactly("openai");
    }
}
