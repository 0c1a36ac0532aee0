package io.renlayer.proxy.error;

import io.renlayer.core.json.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;

/**
 * Gateway errors as JSON-RPC 2.0 error responses. A refusal of what a JSON-RPC request asks for
 * (a tool the agent may not use) is an answer to that request: HTTP 200, the request's id, and the
 * error, so MCP clients report it like any tool error. A refusal of the HTTP call itself (key,
 * limits, route) keeps its HTTP status, which clients act on (401 starts their auth flow).
 */
final class McpErrors {

    /** Application-defined JSON-RPC codes (the spec leaves -32000 to -32099 to servers). */
    static final int FORBIDDEN = -32001;

    static final int RATE_LIMITED = -32002;
    static final int GATEWAY_ERROR = -32003;

    private static final Set<String> ANSWERED_IN_PROTOCOL = Set.of("tool_not_allowed");

    private McpErrors() {}

    static int httpStatus(ProxyError error) {
        return ANSWERED_IN_PROTOCOL.contains(error.code()) ? 200 : error.status();
    }

    static String body(ProxyError error, String requestId, String jsonRpcId) {
        int code = switch (error.status()) {
            case 400, 413, 415 -> -32600; // invalid request
            case 401, 403 -> FORBIDDEN;
            case 429 -> RATE_LIMITED;
            default -> GATEWAY_ERROR;
        };
        if (error.code().equals("invalid_json")) {
            code = -32700; // parse error
        }
        JsonObjectBuilder data = Jsonp.createObjectBuilder()
                .add("type", error.type())
                .add("code", error.code())
                .add("request_id", requestId);
        if (error.param() != null) {
            data.add("param", error.param());
        }
        return Jsonp.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add(
                        "id",
                        jsonRpcId == null
                                ? JsonValue.NULL
                                : Jsonp.createReader(new StringReader(jsonRpcId))
                                        .readValue())
                .add(
                        "error",
                        Jsonp.createObjectBuilder()
                                .add("code", code)
                                .add("message", error.message())
                                .add("data", data))
                .build()
                .toString();
    }
}
