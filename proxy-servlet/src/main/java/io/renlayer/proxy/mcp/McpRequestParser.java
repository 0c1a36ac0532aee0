package io.renlayer.proxy.mcp;

import io.renlayer.core.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the JSON-RPC message, or batch of messages, that an MCP client POSTed. */
public final class McpRequestParser {

    private McpRequestParser() {}

    /** The messages, or empty when the body is not JSON-RPC (not an object or an array of objects). */
    public static Optional<List<McpMessage>> parse(byte[] body) {
        JsonStructure root;
        try (JsonReader reader = Jsonp.createReader(body)) {
            root = reader.read();
        } catch (RuntimeException e) { // also Parsson's refusal of nesting past its limit, a bare RuntimeException
            return Optional.empty();
        }
        List<McpMessage> messages = new ArrayList<>();
        if (root.getValueType() == JsonValue.ValueType.OBJECT) {
            messages.add(message(root.asJsonObject()));
        } else {
            for (JsonValue value : root.asJsonArray()) {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    return Optional.empty();
                }
                messages.add(message(value.asJsonObject()));
            }
        }
        return messages.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(messages));
    }

    private static McpMessage message(JsonObject object) {
        String method = object.get("method") instanceof JsonString s ? s.getString() : null;
        String id =
                object.containsKey("id") && method != null ? object.get("id").toString() : null;
        String tool = null;
        String arguments = null;
        if (McpMessage.TOOLS_CALL.equals(method) && object.get("params") instanceof JsonObject params) {
            tool = params.get("name") instanceof JsonString s ? s.getString() : null;
            arguments =
                    params.containsKey("arguments") ? params.get("arguments").toString() : null;
        }
        return new McpMessage(method, id, tool, arguments);
    }
}
