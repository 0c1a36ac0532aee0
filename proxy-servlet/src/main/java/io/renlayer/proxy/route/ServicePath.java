package io.renlayer.proxy.route;

import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Address;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /services/<name>/<rest>} split into the service and the path to forward. Paths that could
 * climb out of the service's base URL ({@code ..}, encoded dots, slashes or backslashes, empty
 * segments) are refused rather than normalised.
 */
public record ServicePath(String service, String rest) {

    public static final String PREFIX = "/services/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** Empty when the raw (still percent-encoded) path is not a safe service path. */
    public static Optional<ServicePath> parse(String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String remainder = rawPath.substring(PREFIX.length());
        String lower = remainder.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f")
                || lower.contains("%5c")
                || lower.contains("%2e")
                || remainder.contains("\\")
                || remainder.contains("//")) {
            return Optional.empty();
        }
        int slash = remainder.indexOf('/');
        String name = slash < 0 ? remainder : remainder.substring(0, slash);
        String rest = slash < 0 ? "" : remainder.substring(slash);
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        for (String segment : rest.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.empty();
            }
        }
        return Optional.of(new ServicePath(name, rest));
    }

    /** The route as keys scope it and traces show it. */
    public String route() {
        return PREFIX + service;
    }

    /**
     * A {@code /services/} path as the services route's address: the service, and the rest of the
     * path with the query, to forward under the service's base URL.
     */
    public static Address address(String method, String rawPath, String query) {
        if (!rawPath.startsWith(PREFIX)) {
            return null;
        }
        return parse(rawPath)
                .map(p -> new Address(p.route(), p.service(), p.rest() + (query == null ? "" : "?" + query), null))
                .orElse(Address.refused(PREFIX + "*", ProxyError.invalidPath()));
    }
}
