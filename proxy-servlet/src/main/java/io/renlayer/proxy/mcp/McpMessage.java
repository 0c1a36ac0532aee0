package io.renlayer.proxy.mcp;

/**
 * One JSON-RPC message a client sent: its method, the JSON text of its id (null for a
 * notification or a response), and for {@code tools/call} the tool's name and arguments.
 */
public record McpMessage(String method, String idJson, String toolName, String argumentsJson) {

    public static final String TOOLS_CALL = "tools/call";
    public static final String TOOLS_LIST = "tools/list";

    public boolean callsTool() {
        return TOOLS_CALL.equals(method);
    }

    public boolean listsTools() {
        return TOOLS_LIST.equals(method);
    }
}
