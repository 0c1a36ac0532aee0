package io.renlayer.proxy.stage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadChatRequestStageTest {

    private final ReadChatRequestStage stage = new ReadChatRequestStage();

    @Test
    void readsModelStreamAndEveryMessagesText() {
        Exchange exchange = exchange("""
                {"messages":[
                   {"role":"system","content":"You are terse."},
                   {"role":"user","content":[{"type":"text","text":"My mail is a@b.co"},
                                             {"type":"image_url","image_url":{"url":"https://x/y.png"}}]},
                   {"role":"assistant","content":null,"tool_calls":[{"function":{"arguments":"{}"}}]}],
                 "model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},
                 "metadata":{"content":"not a message"}}""");

        assertThat(stage.apply(exchange).rejection()).isEmpty();
        assertThat(exchange.model()).isEqualTo("gpt-4o-mini");
        assertThat(exchange.streamRequested()).isTrue();
        assertThat(exchange.promptText()).isEqualTo("You are terse.\nMy mail is a@b.co");
        assertThat(exchange.otherText())
                .isEqualTo(String.join(
                        "\n",
                        "system",
                        "user",
                        "text",
                        "image_url",
                        "https://x/y.png",
                        "assistant",
                        "{}",
                        "gpt-4o-mini",
                        "not a message"));
    }

    @Test
    void readsTheTextOfResponsesEmbeddingsAndAnthropicBodies() {
        Exchange responses = exchange("{\"model\":\"gpt-4.1\",\"instructions\":\"be kind\",\"input\":\"one string\","
                + "\"max_output_tokens\":50}");
        Exchange embeddings = exchange("{\"model\":\"e\",\"input\":[\"first\",\"second\"]}");
        Exchange anthropic = exchange("{\"model\":\"claude\",\"max_tokens\":64,\"system\":[{\"type\":\"text\","
                + "\"text\":\"sys\"}],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        for (Exchange e : new Exchange[] {responses, embeddings, anthropic}) {
            assertThat(stage.apply(e).rejection()).isEmpty();
        }
        assertThat(responses.promptText()).isEqualTo("be kind\none string");
        assertThat(responses.maxTokens()).isEqualTo(50);
        assertThat(embeddings.promptText()).isEqualTo("first\nsecond");
        assertThat(anthropic.promptText()).isEqualTo("sys\nhi");
        assertThat(anthropic.maxTokens()).isEqualTo(64);
    }

    @Test
    void refusesAModelOrStreamFlagGivenTwiceAndAModelWithControlCharacters() {
        assertThat(rejection("{\"model\":\"gpt-4o-mini\",\"model\":\"o3\"}").param())
                .isEqualTo("model");
        assertThat(rejection("{\"model\":\"gpt-4o-mini\",\"stream\":false,\"stream\":true}")
                        .param())
                .isEqualTo("stream");
        assertThat(rejection("{\"model\":\"gpt-4o-mini\\u0000x\"}").param()).isEqualTo("model");
        assertThat(rejection("{\"model\":\"gpt-4o-mini\\r\\nX-Injected: 1\"}").param())
                .isEqualTo("model");
        assertThat(stage.apply(exchange("{\"model\":\"gpt-4o-mini\",\"metadata\":{\"model\":\"x\"}}"))
                        .rejection())
                .as("a nested 'model' is another field")
                .isEmpty();
    }

    @Test
    void refusesBodiesItCannotRead() {
        assertThat(rejection("not json").code()).isEqualTo("invalid_request");
        assertThat(rejection("").code()).as("an empty body").isEqualTo("invalid_request");
        assertThat(rejection("{").code()).isEqualTo("invalid_request");
        assertThat(rejection("[1,2]").code()).isEqualTo("invalid_request");
        assertThat(rejection("{\"model\":\"gpt-4o\"").code()).isEqualTo("invalid_request");
        assertThat(rejection("{\"messages\":[]}").param()).isEqualTo("model");
        assertThat(rejection("{\"model\":42}").param()).isEqualTo("model");
    }

    @Test
    void readsTheBodysBytesAsUtf8AndNotesWhetherItCouldNameASession() {
        Exchange plain = exchange("{\"model\":\"m\",\"messages\":[{\"content\":\"café 中文 😀 \\u00e9\"}]}");
        Exchange named = exchange("{\"model\":\"m\",\"metadata\":{\"session_id\":\"s\"},\"input\":\"hi\"}");
        Exchange conversation = exchange("{\"model\":\"m\",\"conversation\":\"c\",\"input\":\"hi\"}");

        for (Exchange e : new Exchange[] {plain, named, conversation}) {
            assertThat(stage.apply(e).rejection()).isEmpty();
        }
        assertThat(plain.promptText()).isEqualTo("café 中文 😀 é");
        assertThat(plain.decodedBodyOrNull())
                .as("the body is parsed from its bytes, not decoded whole")
                .isNull();
        assertThat(plain.bodyMayNameSession()).isFalse();
        assertThat(named.bodyMayNameSession()).isTrue();
        assertThat(conversation.bodyMayNameSession()).isTrue();
    }

    private ProxyError rejection(String body) {
        return stage.apply(exchange(body)).rejection().orElseThrow();
    }

    private static Exchange exchange(String body) {
        return new Exchange("req", "POST", "/v1/chat/completions", Map.of(), body.getBytes(UTF_8));
    }
}
