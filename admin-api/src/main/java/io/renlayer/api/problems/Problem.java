package io.renlayer.api.problems;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem details, the admin API's only error shape. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {}

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, Map.of());
    }

    public static Response response(int status, String title, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.putAll(extensions);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
