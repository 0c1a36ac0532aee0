package io.renlayer.proxy.mcp;

import io.renlayer.proxy.pipeline.Exchange;
import java.util.List;

/**
 * What an MCP call carries beyond a model call, attached to its exchange by the MCP stages: the
 * JSON-RPC messages of a POST body, and the id of the request a refusal answers.
 */
public final class McpCall {

    private final List<McpMessage> messages;
    private String answeringId;

    McpCall(List<McpMessage> messages) {
        this.messages = List.copyOf(messages);
    }

    /** The JSON-RPC messages of the request body (none for GET and DELETE). */
    public List<McpMessage> messages() {
        return messages;
    }

    /** The messages of the exchange's MCP call; none when its body held none. */
    static List<McpMessage> messagesOf(Exchange exchange) {
        McpCall call = exchange.attachment(McpCall.class);
        return call == null ? List.of() : call.messages;
    }

    /** The JSON text of the id a refusal of this exchange answers, or null. */
    public static String answeringIdOf(Exchange exchange) {
        McpCall call = exchange.attachment(McpCall.class);
        return call == null ? null : call.answeringId;
    }

    void answering(String idJson) {
        this.answeringId = idJson;
    }
}
