package io.renlayer.plugins.upstream.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.spi.upstream.ForwardRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureDeploymentsTest {

    private final OpenAiProvider provider = new OpenAiProvider();
    private final byte[] chat = "{\"model\":\"gpt-4o\",\"messages\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void azureRoutesByDeploymentWithApiVersionAndApiKey() {
        ForwardRequest call =
                ForwardRequest.of("POST", URI.create("https://acme.openai.azure.com/openai/chat/completions"), chat);

        ForwardRequest byModel =
                provider.prepare(call, "azure-key", Map.of("flavor", "azure", "apiVersion", "2024-10-21"));
        ForwardRequest fixed = provider.prepare(
                call, "azure-key", Map.of("flavor", "azure", "apiVersion", "2024-10-21", "deployment", "prod gpt"));

        assertThat(byModel.uri())
                .hasToString(
                        "https://acme.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21");
        assertThat(fixed.uri().getRawPath()).isEqualTo("/openai/deployments/prod+gpt/chat/completions");
        assertThat(byModel.headers())
                .containsEntry("api-key", List.of("azure-key"))
                .doesNotContainKey("authorization");
    }

    @Test
    void openAiAndCompatibleServersKeepTheirShape() {
        ForwardRequest call = ForwardRequest.of("POST", URI.create("http://vllm:8000/v1/chat/completions"), chat);
        ForwardRequest prepared = provider.prepare(call, "sk-x", Map.of());
        assertThat(prepared.uri()).isEqualTo(call.uri());
        assertThat(prepared.headers()).containsEntry("authorization", List.of("Bearer sk-x"));
    }

    @Test
    void settingsAreChecked() {
        assertThat(provider.invalidSettings(Map.of())).isNull();
        assertThat(provider.invalidSettings(Map.of("flavor", "azure", "apiVersion", "2024-10-21")))
                .isNull();
        assertThat(provider.invalidSettings(Map.of("flavor", "azure"))).contains("apiVersion");
        assertThat(provider.invalidSettings(Map.of("flavor", "bedrock"))).contains("flavor");
        assertThat(provider.invalidSettings(Map.of("region", "eu"))).contains("unknown");
        assertThat(provider.invalidSettings(Map.of("apiVersion", "2024-10-21"))).contains("azure");
    }
}
