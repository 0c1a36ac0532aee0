package io.renlayer.proxy.route;

import io.renlayer.proxy.error.ErrorDialect;

/**
 * A proxied route: the path agents call, the wire dialect (the provider id that serves it, and the
 * shape of its errors), and the path appended to the upstream's base URL.
 */
public record Route(String path, String dialect, String upstreamPath) {

    public ErrorDialect errors() {
        return dialect.equals("anthropic") ? ErrorDialect.ANTHROPIC : ErrorDialect.OPENAI;
    }
}
