package io.renlayer.proxy;

import io.renlayer.proxy.pipeline.Inbound;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The servlet request as the accept stage reads it. Bodies are read whole (bounded) because
 * routing, policy and DLP need the complete prompt before anything is forwarded; the bound is
 * {@code RENLAYER_MAX_REQUEST_BYTES}.
 */
record ServletInbound(HttpServletRequest request) implements Inbound {

    @Override
    public String clientAddress() {
        return request.getRemoteAddr();
    }

    /**
     * The body, or null when it exceeds the limit (declared or, for chunked bodies, as read).
     * The stream is the container's to close: closing it here after a failed read (a malformed
     * chunk) threw the same exception again, which try-with-resources cannot add to itself.
     *
     * @throws UnreadableBody the client sent a body the server could not read
     */
    @Override
    public byte[] body(int limit) throws UnreadableBody {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            return null;
        }
        try {
            InputStream in = request.getInputStream();
            if (declared >= 0) { // one array of the right size: readNBytes(n) reads through 16 KiB chunks
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                return read == body.length ? body : Arrays.copyOf(body, read);
            }
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? null : body;
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableBody(e);
        }
    }

    /** A request body the server could not read: malformed chunked framing, or a connection cut mid-body. */
    static final class UnreadableBody extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableBody(Exception cause) {
            super("the request body could not be read", cause);
        }
    }

    /**
     * The first header whose name or value carries a control character (tab aside): a bare CR or
     * LF that some server along the way might read as the start of another header.
     */
    @Override
    public Optional<String> headerWithControlCharacters() {
        for (String name : Collections.list(request.getHeaderNames())) {
            if (hasControlCharacter(name)) {
                return Optional.of(name);
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                if (hasControlCharacter(value)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return true;
            }
        }
        return false;
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
