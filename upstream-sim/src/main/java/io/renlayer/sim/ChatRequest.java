package io.renlayer.sim;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** The parts of a chat completion request the simulator answers from. */
record ChatRequest(String model, boolean stream, boolean includeUsage, List<String> contents) {

    static ChatRequest parse(byte[] body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("The body is not a JSON object.");
        }
        if (!(json.get("model") instanceof JsonString model)) {
            throw new IllegalArgumentException("'model' is required.");
        }
        List<String> contents = new ArrayList<>();
        collect(json.get("system"), contents); // Anthropic counts the system prompt as input
        collect(json.get("messages"), contents);
        collect(json.get("input"), contents); // Responses and Embeddings
        boolean stream = json.getBoolean("stream", false);
        boolean includeUsage =
                json.get("stream_options") instanceof JsonObject options && options.getBoolean("include_usage", false);
        return new ChatRequest(model.getString(), stream, includeUsage, List.copyOf(contents));
    }

    /** A string, strings in a list, or messages whose content is a string or text parts. */
    private static void collect(JsonValue value, List<String> into) {
        if (value instanceof JsonString text) {
            into.add(text.getString());
        } else if (value instanceof JsonArray items) {
            for (JsonValue item : items) {
                if (item instanceof JsonString text) {
                    into.add(text.getString());
                } else if (item instanceof JsonObject message) {
                    JsonValue content = message.get("content");
                    if (content instanceof JsonString text) {
                        into.add(text.getString());
                    } else if (content instanceof JsonArray parts) {
                        for (JsonValue part : parts) {
                            if (part instanceof JsonObject p && p.get("text") instanceof JsonString text) {
                                into.add(text.getString());
                            }
                        }
                    }
                }
            }
        }
    }

    String lastContent() {
        return contents.isEmpty() ? "" : contents.get(contents.size() - 1);
    }
}
