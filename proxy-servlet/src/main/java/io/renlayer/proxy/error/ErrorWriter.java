package io.renlayer.proxy.error;

import io.renlayer.core.json.Jsonp;
import io.renlayer.spi.upstream.GatewayError;
import io.renlayer.spi.upstream.UpstreamProvider;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link ProxyError} in the caller's dialect: OpenAI's {@code {"error":{...}}},
 * Anthropic's {@code {"type":"error","error":{"type","message"}}}, or a JSON-RPC error for MCP.
 */
public final class ErrorWriter {

    private ErrorWriter() {}

    public static void write(HttpServletResponse response, ProxyError error, String requestId) throws IOException {
        write(response, error, requestId, ErrorDialect.OPENAI, null);
    }

    /**
     * @param jsonRpcId the JSON text of the refused JSON-RPC request's id, for {@link ErrorDialect#MCP};
     *                  null when unknown
     */
    public static void write(
            HttpServletResponse response, ProxyError error, String requestId, ErrorDialect dialect, String jsonRpcId)
            throws IOException {
        write(response, error, requestId, dialect, jsonRpcId, null);
    }

    /** @param provider for {@link ErrorDialect#PROVIDER}, the provider whose dialect the error is written in */
    public static void write(
            HttpServletResponse response,
            ProxyError error,
            String requestId,
            ErrorDialect dialect,
            String jsonRpcId,
            UpstreamProvider provider)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(dialect == ErrorDialect.MCP ? McpErrors.httpStatus(error) : error.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("x-request-id", requestId);
        error.headers().forEach(response::setHeader);
        String text = switch (dialect) {
            case OPENAI -> body(error, requestId);
            case ANTHROPIC -> anthropicBody(error, requestId);
            case MCP -> McpErrors.body(error, requestId, jsonRpcId);
            case PROVIDER -> providerBody(error, requestId, provider);
        };
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The provider's shape of the error, or OpenAI's when it writes none. */
    private static String providerBody(ProxyError error, String requestId, UpstreamProvider provider) {
        String body = provider == null
                ? null
                : provider.errorBody(
                        new GatewayError(error.status(), error.type(), error.code(), error.message(), requestId));
        return body != null ? body : body(error, requestId);
    }

    static String anthropicBody(ProxyError error, String requestId) {
        String type = switch (error.status()) {
            case 400, 413, 415 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 503 -> "overloaded_error";
            default -> "api_error";
        };
        return Jsonp.createObjectBuilder()
                .add("type", "error")
                .add("error", Jsonp.createObjectBuilder().add("type", type).add("message", error.message()))
                .add("request_id", requestId)
                .build()
                .toString();
    }

    static String body(ProxyError error, String requestId) {
        JsonObjectBuilder inner = Jsonp.createObjectBuilder()
                .add("message", error.message())
                .add("type", error.type())
                .add("code", error.code())
                .add("request_id", requestId);
        if (error.param() == null) {
            inner.addNull("param");
        } else {
            inner.add("param", error.param());
        }
        return Jsonp.createObjectBuilder().add("error", inner).build().toString();
    }
}
