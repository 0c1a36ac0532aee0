package io.renlayer.proxy.route;

import io.renlayer.proxy.pipeline.Address;

/** Reads a request path as a route's address; null when the path is not this route's. */
@FunctionalInterface
public interface PathPattern {

    /**
     * @param rawPath the path as sent, still percent-encoded
     * @param query the query string, or null
     */
    Address address(String method, String rawPath, String query);

    /** Exactly one path, forwarded to {@code upstreamPath} under the upstream's base URL. */
    static PathPattern exactly(String path, String upstreamPath) {
        return (method, rawPath, query) -> path.equals(rawPath) ? Address.of(path, upstreamPath) : null;
    }
}
