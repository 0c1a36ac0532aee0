package io.renlayer.sim;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google's Gemini API (generativelanguage.googleapis.com), deterministic like
 * {@link OpenAiReplies}: {@code generateContent}, {@code streamGenerateContent?alt=sse}, the model
 * list, and Google's error shape.
 */
final class GeminiReplies {

    /** {@code /v1beta/models/gemini-2.0-flash:generateContent}, and the same under {@code /v1}. */
    static final Pattern CALL =
            Pattern.compile("/(v1|v1beta)/models/([A-Za-z0-9._-]+):(generateContent|streamGenerateContent)");

    static final Pattern MODELS = Pattern.compile("/(v1|v1beta)/models");

    private static final List<String> MODEL_IDS = List.of("gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.0-flash");

    private GeminiReplies() {}

    /** The request, as a chat: the system instruction and every text part of the contents. */
    static ChatRequest parse(String model, boolean stream, byte[] body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("Invalid JSON payload received.");
        }
        if (!(json.get("contents") instanceof JsonArray contents)) {
            throw new IllegalArgumentException("* GenerateContentRequest.contents: contents is not specified");
        }
        List<String> texts = new ArrayList<>();
        if (json.get("systemInstruction") instanceof JsonObject system) {
            texts(system, texts);
        }
        for (JsonValue content : contents) {
            if (content instanceof JsonObject c) {
                texts(c, texts);
            }
        }
        return new ChatRequest(model, stream, true, List.copyOf(texts));
    }

    private static void texts(JsonObject content, List<String> into) {
        if (content.get("parts") instanceof JsonArray parts) {
            for (JsonValue part : parts) {
                if (part instanceof JsonObject p && p.get("text") instanceof JsonString text) {
                    into.add(text.getString());
                }
            }
        }
    }

    static String response(ChatRequest chat) {
        return chunk(chat, OpenAiReplies.reply(chat), OpenAiReplies.completionTokens(chat), true)
                .add("responseId", "sim-gemini")
                .build()
                .toString();
    }

    /** One event per word; each carries the usage so far, the last one the finish reason. */
    static List<String> streamEvents(ChatRequest chat) {
        List<String> pieces = OpenAiReplies.pieces(chat);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            events.add(chunk(chat, pieces.get(i), i + 1, last)
                    .add("responseId", "sim-gemini")
                    .build()
                    .toString());
        }
        return events;
    }

    private static JsonObjectBuilder chunk(ChatRequest chat, String text, int completionTokens, boolean last) {
        JsonObjectBuilder candidate = Json.createObjectBuilder()
                .add(
                        "content",
                        Json.createObjectBuilder()
                                .add(
                                        "parts",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder().add("text", text)))
                                .add("role", "model"))
                .add("index", 0);
        if (last) {
            candidate.add("finishReason", "STOP");
        }
        int prompt = OpenAiReplies.promptTokens(chat);
        return Json.createObjectBuilder()
                .add("candidates", Json.createArrayBuilder().add(candidate))
                .add(
                        "usageMetadata",
                        Json.createObjectBuilder()
                                .add("promptTokenCount", prompt)
                                .add("candidatesTokenCount", completionTokens)
                                .add("totalTokenCount", prompt + completionTokens))
                .add("modelVersion", chat.model());
    }

    static String models() {
        JsonArrayBuilder models = Json.createArrayBuilder();
        for (String id : MODEL_IDS) {
            models.add(Json.createObjectBuilder()
                    .add("name", "models/" + id)
                    .add("version", "001")
                    .add("displayName", id)
                    .add("inputTokenLimit", 1_048_576)
                    .add("outputTokenLimit", 65_536)
                    .add(
                            "supportedGenerationMethods",
                            Json.createArrayBuilder().add("generateContent").add("countTokens")));
        }
        return Json.createObjectBuilder().add("models", models).build().toString();
    }

    /** Google's error shape: {@code {"error":{"code":400,"message":"…","status":"INVALID_ARGUMENT"}}}. */
    static String error(int code, String status, String message) {
        return Json.createObjectBuilder()
                .add(
                        "error",
                        Json.createObjectBuilder()
                                .add("code", code)
                                .add("message", message)
                                .add("status", status))
                .build()
                .toString();
    }

    static Matcher call(String path) {
        return CALL.matcher(path);
    }
}
