package io.renlayer.proxy.error;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a {@link ProxyError} as OpenAI's {@code {"error":{...}}} body. */
public final class ErrorWriter {

    private ErrorWriter() {}

    public static void write(HttpServletResponse response, ProxyError error, String requestId) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("x-request-id", requestId);
        error.headers().forEach(response::setHeader);
        byte[] body = body(error, requestId).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String body(ProxyError error, String requestId) {
        JsonObjectBuilder inner = Json.createObjectBuilder()
                .add("message", error.message())
                .add("type", error.type())
                .add("code", error.code())
                .add("request_id", requestId);
        if (error.param() == null) {
            inner.addNull("param");
        } else {
            inner.add("param", error.param());
        }
        return Json.createObjectBuilder().add("error", inner).build().toString();
    }
}
