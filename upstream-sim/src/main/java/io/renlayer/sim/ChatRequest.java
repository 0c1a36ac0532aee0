package io.renlayer.sim;

import jakarta.json.Json;
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
        if (json.get("messages") instanceof jakarta.json.JsonArray messages) {
            for (JsonValue message : messages) {
                if (message instanceof JsonObject m && m.get("content") instanceof JsonString text) {
                    contents.add(text.getString());
                }
            }
        }
        boolean stream = json.getBoolean("stream", false);
        boolean includeUsage = json.get("stream_options") instanceof JsonObject options
                && options.getBoolean("include_usage", false);
        return new ChatRequest(model.getString(), stream, includeUsage, List.copyOf(contents));
    }

    String lastContent() {
        return contents.isEmpty() ? "" : contents.get(contents.size() - 1);
    }
}
