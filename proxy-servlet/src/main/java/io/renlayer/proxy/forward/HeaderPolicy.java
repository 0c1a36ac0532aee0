package io.renlayer.proxy.forward;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which headers cross the gateway. Hop-by-hop headers (RFC 9110 §7.6.1, plus the names a
 * {@code Connection} header lists) never do; the client's credentials never reach the upstream;
 * {@code accept-encoding} is dropped so the gateway can read usage from plain bytes.
 */
public final class HeaderPolicy {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private static final Set<String> NOT_TO_UPSTREAM = Set.of(
            "host",
            "content-length",
            "expect",
            "authorization",
            "x-api-key",
            "x-goog-api-key",
            "cookie",
            "accept-encoding",
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-proto");

    private static final Set<String> COMPUTED_BY_CLIENT = Set.of("host", "content-length", "expect");

    /** Cookies an upstream sets would be stored for the gateway's host, the console's included: cookies are not isolated by port. */
    private static final Set<String> NOT_TO_CLIENT =
            Set.of("content-length", "content-encoding", ":status", "set-cookie", "set-cookie2");

    private HeaderPolicy() {}

    /** True when a client request header may be passed to the upstream. */
    public static boolean toUpstream(String lowerCaseName, Map<String, String> requestHeaders) {
        return !HOP_BY_HOP.contains(lowerCaseName)
                && !NOT_TO_UPSTREAM.contains(lowerCaseName)
                && !lowerCaseName.startsWith("x-renlayer-")
                && !listedInConnection(lowerCaseName, requestHeaders.get("connection"));
    }

    /**
     * True when a header may go on the wire at all: not hop-by-hop, and not one the HTTP client
     * computes itself. Applied to what a provider prepared, which may carry its own credential.
     */
    public static boolean sendable(String lowerCaseName) {
        return !HOP_BY_HOP.contains(lowerCaseName) && !COMPUTED_BY_CLIENT.contains(lowerCaseName);
    }

    /** True when an upstream response header may be passed to the client. */
    public static boolean toClient(String name, String connectionHeader) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower)
                && !NOT_TO_CLIENT.contains(lower)
                && !listedInConnection(lower, connectionHeader);
    }

    private static boolean listedInConnection(String lowerCaseName, String connection) {
        if (connection == null) {
            return false;
        }
        Set<String> listed = new HashSet<>();
        Arrays.stream(connection.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .forEach(listed::add);
        return listed.contains(lowerCaseName);
    }
}
