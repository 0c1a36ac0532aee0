package io.renlayer.admin.upstreams;

import io.renlayer.admin.errors.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;

/** The base URL of something the gateway forwards to: http(s), a host, no query; kept without a trailing slash. */
public final class BaseUrl {

    private BaseUrl() {}

    public static String check(String value) {
        String text = InvalidRequestException.requireText("baseUrl", value, 2000);
        try {
            URI uri = new URI(text);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new InvalidRequestException("baseUrl", "baseUrl must be an http(s) URL without query");
            }
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("baseUrl", "baseUrl is not a valid URL");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
