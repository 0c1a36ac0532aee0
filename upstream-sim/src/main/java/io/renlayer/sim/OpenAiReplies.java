package io.renlayer.sim;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic answers: the reply is "Echo: " and the last message, and token counts are word
 * counts, so a test can compute exactly what the gateway must record.
 */
final class OpenAiReplies {

    private static final long CREATED = 1_767_225_600L; // fixed, for reproducible bodies

    private OpenAiReplies() {}

    /** Where a test wants a streamed reply cut inside a word (U+2063 INVISIBLE SEPARATOR); never sent. */
    static final String SPLIT = "\u2063";

    static String reply(ChatRequest chat) {
        return "Echo: " + chat.lastContent().replace(SPLIT, "");
    }

    /** The streamed pieces of the reply: one per word, and also cut wherever the prompt had {@link #SPLIT}. */
    static List<String> pieces(ChatRequest chat) {
        List<String> pieces = new ArrayList<>();
        String[] words = ("Echo: " + chat.lastContent()).split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = i == 0 ? words[i] : " " + words[i];
            pieces.addAll(List.of(word.split(SPLIT)));
        }
        return pieces;
    }

    static int promptTokens(ChatRequest chat) {
        return chat.contents().stream().mapToInt(OpenAiReplies::words).sum();
    }

    static int completionTokens(ChatRequest chat) {
        return words(reply(chat));
    }

    static String completion(ChatRequest chat) {
        JsonObject message = Json.createObjectBuilder()
                .add("role", "assistant")
                .add("content", reply(chat))
                .build();
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-sim")
                .add("object", "chat.completion")
                .add("created", CREATED)
                .add("model", chat.model())
                .add(
                        "choices",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("index", 0)
                                        .add("message", message)
                                        .add("finish_reason", "stop")))
                .add("usage", usage(chat))
                .build()
                .toString();
    }

    /** One chunk per word of the reply, a final chunk with the finish reason, and usage when asked. */
    static List<String> streamEvents(ChatRequest chat) {
        List<String> events = new ArrayList<>();
        for (String piece : pieces(chat)) {
            events.add(
                    chunk(chat, Json.createObjectBuilder().add("content", piece).build(), null));
        }
        events.add(chunk(chat, Json.createObjectBuilder().build(), "stop"));
        if (chat.includeUsage()) {
            events.add(Json.createObjectBuilder()
                    .add("id", "chatcmpl-sim")
                    .add("object", "chat.completion.chunk")
                    .add("created", CREATED)
                    .add("model", chat.model())
                    .add("choices", Json.createArrayBuilder())
                    .add("usage", usage(chat))
                    .build()
                    .toString());
        }
        return events;
    }

    static String response(ChatRequest chat) {
        return responseObject(chat).toString();
    }

    /** Responses API stream: text deltas, then {@code response.completed} carrying the usage. */
    static List<String[]> responseEvents(ChatRequest chat) {
        List<String[]> events = new ArrayList<>();
        for (String piece : pieces(chat)) {
            events.add(new String[] {
                "response.output_text.delta",
                Json.createObjectBuilder()
                        .add("type", "response.output_text.delta")
                        .add("delta", piece)
                        .build()
                        .toString()
            });
        }
        events.add(new String[] {
            "response.completed",
            Json.createObjectBuilder()
                    .add("type", "response.completed")
                    .add("response", responseObject(chat))
                    .build()
                    .toString()
        });
        return events;
    }

    private static JsonObject responseObject(ChatRequest chat) {
        int input = promptTokens(chat);
        int output = completionTokens(chat);
        return Json.createObjectBuilder()
                .add("id", "resp_sim")
                .add("object", "response")
                .add("created_at", CREATED)
                .add("model", chat.model())
                .add("status", "completed")
                .add(
                        "output",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("type", "message")
                                        .add("role", "assistant")
                                        .add("id", "msg_sim")
                                        .add(
                                                "content",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("type", "output_text")
                                                                .add("text", reply(chat))))))
                .add(
                        "usage",
                        Json.createObjectBuilder()
                                .add("input_tokens", input)
                                .add("output_tokens", output)
                                .add("total_tokens", input + output))
                .build();
    }

    /** Eight deterministic dimensions per input. */
    static String embeddings(ChatRequest chat) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (int i = 0; i < chat.contents().size(); i++) {
            JsonArrayBuilder vector = Json.createArrayBuilder();
            int seed = chat.contents().get(i).hashCode();
            for (int d = 0; d < 8; d++) {
                vector.add(((seed >> d) & 0xff) / 255.0);
            }
            data.add(Json.createObjectBuilder()
                    .add("object", "embedding")
                    .add("index", i)
                    .add("embedding", vector));
        }
        int prompt = promptTokens(chat);
        return Json.createObjectBuilder()
                .add("object", "list")
                .add("data", data)
                .add("model", chat.model())
                .add(
                        "usage",
                        Json.createObjectBuilder().add("prompt_tokens", prompt).add("total_tokens", prompt))
                .build()
                .toString();
    }

    static String error(String type, String message) {
        return Json.createObjectBuilder()
                .add(
                        "error",
                        Json.createObjectBuilder()
                                .add("message", message)
                                .add("type", type)
                                .addNull("param")
                                .addNull("code"))
                .build()
                .toString();
    }

    private static String chunk(ChatRequest chat, JsonObject delta, String finishReason) {
        var choice = Json.createObjectBuilder().add("index", 0).add("delta", delta);
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        JsonArrayBuilder choices = Json.createArrayBuilder().add(choice);
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-sim")
                .add("object", "chat.completion.chunk")
                .add("created", CREATED)
                .add("model", chat.model())
                .add("choices", choices)
                .build()
                .toString();
    }

    private static JsonObject usage(ChatRequest chat) {
        int prompt = promptTokens(chat);
        int completion = completionTokens(chat);
        return Json.createObjectBuilder()
                .add("prompt_tokens", prompt)
                .add("completion_tokens", completion)
                .add("total_tokens", prompt + completion)
                .build();
    }

    static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
