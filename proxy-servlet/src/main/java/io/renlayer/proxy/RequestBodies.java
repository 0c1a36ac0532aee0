package io.renlayer.proxy;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Request bodies are read whole (bounded) because routing and, later, policy and DLP need the
 * complete prompt before anything is forwarded.
 */
final class RequestBodies {

    static final int LIMIT = 10 << 20;

    private RequestBodies() {}

    /** The body, or empty when it exceeds {@link #LIMIT}. */
    static Optional<byte[]> read(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > LIMIT) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(LIMIT + 1);
            return body.length > LIMIT ? Optional.empty() : Optional.of(body);
        }
    }

    /** Header names lower-cased, first value each. */
    static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }
}
