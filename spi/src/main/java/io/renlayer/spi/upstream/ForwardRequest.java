package io.renlayer.spi.upstream;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The call the gateway is about to send upstream: method, target, headers and body. The gateway
 * builds it (client credentials and hop-by-hop headers already removed), a provider reshapes it in
 * {@link UpstreamProvider#prepare}, and the gateway sends the result. Immutable: every change
 * returns a new request. Header names are lower-case.
 */
public final class ForwardRequest {

    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private ForwardRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        this.method = Objects.requireNonNull(method, "method is null");
        this.uri = Objects.requireNonNull(uri, "uri is null");
        this.headers = headers;
        this.body = Objects.requireNonNull(body, "body is null");
    }

    /** A request without headers. */
    public static ForwardRequest of(String method, URI uri, byte[] body) {
        return new ForwardRequest(method, uri, Map.of(), body.clone());
    }

    /**
     * A request without headers over {@code body} itself, not a copy: the caller hands the array
     * over and must not change it afterwards. For a long body nothing else will write to, as the
     * gateway's own request body, where {@link #of}'s copy would be one more pass over it.
     *
     * @since 1.1
     */
    public static ForwardRequest wrapping(String method, URI uri, byte[] body) {
        return new ForwardRequest(method, uri, Map.of(), body);
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** Headers by lower-case name; unmodifiable. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    /** The body's length in bytes.
     *
     * @since 1.1
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * Writes the body, without the copy {@link #body()} makes: what the gateway sends it with.
     *
     * @since 1.1
     */
    public void writeBodyTo(OutputStream out) throws IOException {
        out.write(body);
    }

    public ForwardRequest withUri(URI target) {
        return new ForwardRequest(method, target, headers, body);
    }

    /** Replaces every value of the header. */
    public ForwardRequest withHeader(String name, String value) {
        return withHeaders(Map.of(name, value));
    }

    /**
     * Replaces every value of each header given: one copy of the headers for all of them.
     *
     * @since 1.1
     */
    public ForwardRequest withHeaders(Map<String, String> replacements) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        replacements.forEach((name, value) -> copy.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        return new ForwardRequest(method, uri, Collections.unmodifiableMap(copy), body);
    }

    public ForwardRequest withoutHeader(String name) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.remove(name.toLowerCase(Locale.ROOT));
        return new ForwardRequest(method, uri, Collections.unmodifiableMap(copy), body);
    }

    public ForwardRequest withBody(byte[] replacement) {
        return new ForwardRequest(method, uri, headers, replacement.clone());
    }

    @Override
    public String toString() {
        // Headers may carry the upstream credential: never print them.
        return "ForwardRequest[" + method + " " + uri + ", " + headers.size() + " headers, " + body.length + " bytes]";
    }
}
