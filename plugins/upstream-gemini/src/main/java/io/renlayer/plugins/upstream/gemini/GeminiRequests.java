package io.renlayer.plugins.upstream.gemini;

import io.renlayer.spi.upstream.BadModelRequest;
import io.renlayer.spi.upstream.ModelCall;
import io.renlayer.spi.upstream.ModelRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code GenerateContentRequest}: the text of every part of {@code contents} and of the
 * {@code systemInstruction} is the prompt; the function declarations and other strings are the
 * rest; {@code generationConfig.maxOutputTokens} caps the answer.
 */
final class GeminiRequests {

    private GeminiRequests() {}

    static ModelRequest read(JsonProvider json, ModelCall call) {
        JsonObject body;
        try (JsonReader reader = json.createReader(new StringReader(call.body()))) {
            if (!(reader.readValue() instanceof JsonObject object)) {
                throw new BadModelRequest(null, "Invalid JSON payload received. The body must be a JSON object.");
            }
            body = object;
        } catch (BadModelRequest refused) {
            throw refused;
        } catch (RuntimeException e) { // Parsson refuses deep nesting with a bare RuntimeException
            throw new BadModelRequest(null, "Invalid JSON payload received.");
        }
        if (!(body.get("contents") instanceof JsonArray contents)) {
            throw new BadModelRequest("contents", "* GenerateContentRequest.contents: contents is not specified");
        }
        List<String> prompt = new ArrayList<>();
        List<String> other = new ArrayList<>();
        if (body.get("systemInstruction") instanceof JsonObject system) {
            content(system, prompt, other);
        }
        for (JsonValue item : contents) {
            if (!(item instanceof JsonObject content)) {
                throw new BadModelRequest("contents", "* GenerateContentRequest.contents: each content is an object");
            }
            content(content, prompt, other);
        }
        for (String field : List.of("tools", "toolConfig", "safetySettings", "cachedContent")) {
            strings(body.get(field), other);
        }
        long maxTokens = body.get("generationConfig") instanceof JsonObject config
                        && config.get("maxOutputTokens") instanceof JsonNumber n
                        && n.isIntegral()
                        && n.longValue() > 0
                ? n.longValue()
                : 0;
        return ModelRequest.of(call.pathModel(), call.route().streams(), String.join("\n", prompt))
                .withOtherText(String.join("\n", other))
                .withMaxTokens(maxTokens);
    }

    /** A content's text parts are prompt; its role, function calls and their arguments are the rest. */
    private static void content(JsonObject content, List<String> prompt, List<String> other) {
        if (content.get("role") instanceof JsonString role) {
            other.add(role.getString());
        }
        if (!(content.get("parts") instanceof JsonArray parts)) {
            return;
        }
        for (JsonValue part : parts) {
            if (part instanceof JsonObject p) {
                if (p.get("text") instanceof JsonString text) {
                    prompt.add(text.getString());
                }
                for (String field : List.of("functionCall", "functionResponse")) {
                    // a tool's answer carries data the model will read: it is prompt too
                    strings(p.get(field), field.equals("functionResponse") ? prompt : other);
                }
            }
        }
    }

    private static void strings(JsonValue value, List<String> into) {
        if (value instanceof JsonString s) {
            into.add(s.getString());
        } else if (value instanceof JsonArray array) {
            array.forEach(v -> strings(v, into));
        } else if (value instanceof JsonObject object) {
            object.values().forEach(v -> strings(v, into));
        }
    }
}
