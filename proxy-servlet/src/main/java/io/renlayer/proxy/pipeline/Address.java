package io.renlayer.proxy.pipeline;

import io.renlayer.proxy.error.ProxyError;

/**
 * Where a call is addressed, as its route's path pattern read it: the route as keys scope it and
 * traces show it, the registered service or MCP server it names (null on the model routes), the
 * path to append to the upstream's base URL, and, when the path addresses nothing, why.
 */
public record Address(String route, String target, String upstreamPath, ProxyError refusal) {

    /** A path that names its route and nothing more. */
    public static Address of(String route, String upstreamPath) {
        return new Address(route, null, upstreamPath, null);
    }

    /** A path no route serves, or one that fails its route's rules. */
    public static Address refused(String route, ProxyError refusal) {
        return new Address(route, null, "", refusal);
    }
}
