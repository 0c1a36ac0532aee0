package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The official OpenAI Java SDK, pointed at the gateway instead of api.openai.com. */
@ExtendWith(GatewayExtension.class)
class OpenAiSdkIT {

    @Test
    void theSdkGetsCompletionsPlainAndStreamed(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        OpenAIClient client = client(gateway, tenant.key());

        ChatCompletion completion = client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage("hello from the sdk")
                        .build());
        assertThat(completion.choices().get(0).message().content()).hasValue("Echo: hello from the sdk");
        assertThat(completion.usage())
                .hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(9));

        StringBuilder streamed = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage("stream from the sdk")
                        .streamOptions(ChatCompletionStreamOptions.builder()
                                .includeUsage(true)
                                .build())
                        .build())) {
            stream.stream()
                    .forEach(chunk -> chunk.choices()
                            .forEach(choice -> choice.delta().content().ifPresent(streamed::append)));
        }
        assertThat(streamed.toString()).isEqualTo("Echo: stream from the sdk");

        JsonObject trace = platform.awaitTrace(tenant.tenantId(), t -> t.getBoolean("stream"));
        assertThat(trace.getInt("totalTokens")).isEqualTo(9);
    }

    @Test
    void theSdkUsesEmbeddingsAndResponsesThroughTheGateway(Gateway gateway) throws Exception {
        Platform platform = new Platform(gateway);
        Platform.TestTenant tenant = platform.newTenant();
        OpenAIClient client = client(gateway, tenant.key());

        CreateEmbeddingResponse embeddings = client.embeddings()
                .create(EmbeddingCreateParams.builder()
                        .model("text-embedding-3-small")
                        .input("embed these words")
                        .build());
        Response response = client.responses()
                .create(ResponseCreateParams.builder()
                        .model("gpt-4.1")
                        .input("answer briefly please")
                        .build());

        assertThat(embeddings.data()).hasSize(1);
        assertThat(embeddings.data().get(0).embedding()).hasSize(8);
        assertThat(response.id()).isEqualTo("resp_sim");
        assertThat(response.usage())
                .hasValueSatisfying(u -> assertThat(u.inputTokens()).isEqualTo(3));
        JsonObject embeddingTrace =
                platform.awaitTrace(tenant.tenantId(), t -> t.getString("route").equals("/v1/embeddings"));
        JsonObject responsesTrace =
                platform.awaitTrace(tenant.tenantId(), t -> t.getString("route").equals("/v1/responses"));
        assertThat(embeddingTrace.getInt("promptTokens")).isEqualTo(3);
        assertThat(responsesTrace.getInt("completionTokens")).isEqualTo(4);
    }

    @Test
    void theSdkSurfacesARefusedKeyAsUnauthorized(Gateway gateway) {
        OpenAIClient client = client(gateway, "rk_live_AAAAAAAAAAAA_" + "C".repeat(40));

        try {
            client.chat()
                    .completions()
                    .create(ChatCompletionCreateParams.builder()
                            .model("gpt-4o-mini")
                            .addUserMessage("hi")
                            .build());
            throw new AssertionError("expected a refusal");
        } catch (UnauthorizedException e) {
            assertThat(e.statusCode()).isEqualTo(401);
            assertThat(e.getMessage()).contains("Incorrect API key provided");
        }
    }

    /** The SDK as an agent configures it: only the base URL and the key change. */
    private static OpenAIClient client(Gateway gateway, String key) {
        return OpenAIOkHttpClient.builder()
                .apiKey(key)
                .baseUrl(gateway.proxyUrl() + "/v1")
                .maxRetries(0)
                .build();
    }
}
