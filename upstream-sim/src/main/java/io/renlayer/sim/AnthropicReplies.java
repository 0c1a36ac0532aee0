package io.renlayer.sim;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Anthropic Messages answers, deterministic like {@link OpenAiReplies}. */
final class AnthropicReplies {

    private AnthropicReplies() {}

    static String message(ChatRequest chat) {
        return Json.createObjectBuilder()
                .add("id", "msg_sim")
                .add("type", "message")
                .add("role", "assistant")
                .add("model", chat.model())
                .add(
                        "content",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("type", "text")
                                        .add("text", OpenAiReplies.reply(chat))))
                .add("stop_reason", "end_turn")
                .addNull("stop_sequence")
                .add(
                        "usage",
                        Json.createObjectBuilder()
                                .add("input_tokens", OpenAiReplies.promptTokens(chat))
                                .add("output_tokens", OpenAiReplies.completionTokens(chat)))
                .build()
                .toString();
    }

    /** message_start (input tokens), one text delta per word, message_delta (output tokens), message_stop. */
    static List<String[]> streamEvents(ChatRequest chat) {
        List<String[]> events = new ArrayList<>();
        JsonObject start = Json.createObjectBuilder()
                .add("type", "message_start")
                .add(
                        "message",
                        Json.createObjectBuilder()
                                .add("id", "msg_sim")
                                .add("type", "message")
                                .add("role", "assistant")
                                .add("model", chat.model())
                                .add("content", Json.createArrayBuilder())
                                .add(
                                        "usage",
                                        Json.createObjectBuilder()
                                                .add("input_tokens", OpenAiReplies.promptTokens(chat))
                                                .add("output_tokens", 1)))
                .build();
        events.add(new String[] {"message_start", start.toString()});
        events.add(new String[] {
            "content_block_start",
            "{\"type\":\"content_block_start\",\"index\":0," + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"
        });
        for (String piece : OpenAiReplies.pieces(chat)) {
            events.add(new String[] {
                "content_block_delta",
                Json.createObjectBuilder()
                        .add("type", "content_block_delta")
                        .add("index", 0)
                        .add(
                                "delta",
                                Json.createObjectBuilder()
                                        .add("type", "text_delta")
                                        .add("text", piece))
                        .build()
                        .toString()
            });
        }
        events.add(new String[] {"content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"});
        events.add(new String[] {
            "message_delta",
            Json.createObjectBuilder()
                    .add("type", "message_delta")
                    .add(
                            "delta",
                            Json.createObjectBuilder()
                                    .add("stop_reason", "end_turn")
                                    .addNull("stop_sequence"))
                    .add("usage", Json.createObjectBuilder().add("output_tokens", OpenAiReplies.completionTokens(chat)))
                    .build()
                    .toString()
        });
        events.add(new String[] {"message_stop", "{\"type\":\"message_stop\"}"});
        return events;
    }

    static String error(String type, String message) {
        return Json.createObjectBuilder()
                .add("type", "error")
                .add("error", Json.createObjectBuilder().add("type", type).add("message", message))
                .build()
                .toString();
    }
}
