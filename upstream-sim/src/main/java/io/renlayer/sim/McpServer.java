package io.renlayer.sim;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;

/**
 * A minimal MCP server (Streamable HTTP, JSON-RPC 2.0): initialize, tools/list with three tools,
 * tools/call echoing the tool's name. Answers as JSON, or as one SSE event when asked with
 * {@code x-sim-mcp-sse}.
 */
final class McpServer {

    static final String SESSION = "sim-session-1";

    private McpServer() {}

    /** The JSON-RPC response to a request, or null for a notification. */
    static String handle(byte[] body) {
        JsonObject request;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            request = reader.readObject();
        }
        if (!request.containsKey("id")) {
            return null;
        }
        JsonValue id = request.get("id");
        JsonObject result = switch (request.getString("method", "")) {
            case "initialize" ->
                Json.createObjectBuilder()
                        .add("protocolVersion", "2025-03-26")
                        .add("capabilities", Json.createObjectBuilder().add("tools", Json.createObjectBuilder()))
                        .add(
                                "serverInfo",
                                Json.createObjectBuilder()
                                        .add("name", "renlayer-sim")
                                        .add("version", "1"))
                        .build();
            case "tools/list" ->
                Json.createObjectBuilder()
                        .add(
                                "tools",
                                Json.createArrayBuilder()
                                        .add(tool("search"))
                                        .add(tool("weather"))
                                        .add(tool("delete_everything")))
                        .build();
            case "tools/call" ->
                Json.createObjectBuilder()
                        .add(
                                "content",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("type", "text")
                                                .add(
                                                        "text",
                                                        "called "
                                                                + request.getJsonObject("params")
                                                                        .getString("name"))))
                        .build();
            default -> null;
        };
        if (result == null) {
            return Json.createObjectBuilder()
                    .add("jsonrpc", "2.0")
                    .add("id", id)
                    .add("error", Json.createObjectBuilder().add("code", -32601).add("message", "Method not found"))
                    .build()
                    .toString();
        }
        return Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("result", result)
                .build()
                .toString();
    }

    private static JsonObject tool(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("description", "the " + name + " tool")
                .add("inputSchema", Json.createObjectBuilder().add("type", "object"))
                .build();
    }
}
