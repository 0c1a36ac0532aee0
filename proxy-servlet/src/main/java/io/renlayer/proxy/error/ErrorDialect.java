package io.renlayer.proxy.error;

/** The wire format a caller expects its errors in. */
public enum ErrorDialect {
    /** {@code {"error":{"message","type","code","param"}}}. */
    OPENAI,
    /** {@code {"type":"error","error":{"type","message"}}}. */
    ANTHROPIC,
    /** A JSON-RPC 2.0 error response, as MCP clients parse it. */
    MCP,
    /** The dialect of a provider that owns its routes: it writes the error body (Gemini's, say). */
    PROVIDER
}
