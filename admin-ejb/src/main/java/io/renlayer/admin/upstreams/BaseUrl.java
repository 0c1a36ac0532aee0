package io.renlayer.admin.upstreams;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.net.Network;
import io.renlayer.core.net.OutboundAddresses;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * The base URL of something the gateway forwards to: http(s), a host, no query and no user-info
 * (a credential belongs in the write-only credential field, not in a URL every viewer and the
 * audit log see); kept without a trailing slash. An address written as a literal is checked
 * against {@link OutboundAddresses} here already; a name is checked on what it resolves to, when
 * the gateway connects.
 */
public final class BaseUrl {

    private BaseUrl() {}

    public static String check(String value) {
        String text = InvalidRequestException.requireText("baseUrl", value, 2000);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("baseUrl", "baseUrl is not a valid URL");
        }
        boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidRequestException("baseUrl", "baseUrl must be an http(s) URL without query");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidRequestException(
                    "baseUrl", "baseUrl must not carry user-info; put the credential in the credential field");
        }
        String refusal = literalRefusal(uri);
        if (refusal != null) {
            throw new InvalidRequestException("baseUrl", "baseUrl is not allowed: " + refusal);
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** True when the two URLs reach different servers (scheme, host or port differ). */
    public static boolean otherOrigin(String before, String after) {
        URI a = URI.create(before);
        URI b = URI.create(after);
        return !Objects.equals(a.getScheme(), b.getScheme())
                || !a.getHost().equalsIgnoreCase(b.getHost())
                || port(a) != port(b);
    }

    /** Null for a name: it is checked on what it resolves to, when the gateway connects. */
    private static String literalRefusal(URI uri) {
        return Network.literal(uri.getHost())
                .map(address -> OutboundAddresses.configured().refusal(address, port(uri)))
                .orElse(null);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
