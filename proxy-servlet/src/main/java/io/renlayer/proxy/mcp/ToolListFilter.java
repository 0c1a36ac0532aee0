package io.renlayer.proxy.mcp;

import io.renlayer.core.json.Jsonp;
import io.renlayer.core.names.NamePattern;
import io.renlayer.proxy.pipeline.ResponseRewriter;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * Removes the tools an agent may not use from {@code tools/list} results, in a single JSON-RPC
 * response or a batch. Anything that is not such a result passes through byte for byte.
 */
public final class ToolListFilter implements ResponseRewriter {

    private final List<String> allowed;

    public ToolListFilter(List<String> allowed) {
        this.allowed = allowed;
    }

    @Override
    public String rewrite(String message) {
        if (!message.contains("\"tools\"")) {
            return message; // cheap test first: most messages are not tool lists
        }
        JsonValue root;
        try (JsonReader reader = Jsonp.createReader(new StringReader(message))) {
            root = reader.readValue();
        } catch (RuntimeException e) { // JsonException, or Parsson's refusal of deep nesting
            return message;
        }
        JsonValue rewritten = switch (root.getValueType()) {
            case OBJECT -> filtered(root.asJsonObject());
            case ARRAY -> {
                JsonArrayBuilder batch = Jsonp.createArrayBuilder();
                root.asJsonArray().forEach(v -> batch.add(v instanceof JsonObject o ? filtered(o) : v));
                JsonValue built = batch.build();
                yield built.equals(root) ? root : built;
            }
            default -> root;
        };
        return rewritten == root ? message : rewritten.toString();
    }

    private JsonObject filtered(JsonObject response) {
        if (!(response.get("result") instanceof JsonObject result)
                || result.get("tools") == null
                || result.get("tools").getValueType() != JsonValue.ValueType.ARRAY) {
            return response;
        }
        JsonArrayBuilder kept = Jsonp.createArrayBuilder();
        for (JsonValue tool : result.getJsonArray("tools")) {
            if (tool instanceof JsonObject t
                    && t.get("name") instanceof JsonString name
                    && NamePattern.anyMatches(allowed, name.getString())) {
                kept.add(tool);
            }
        }
        return Jsonp.createObjectBuilder(response)
                .add("result", Jsonp.createObjectBuilder(result).add("tools", kept))
                .build();
    }
}
