package io.renlayer.proxy.route;

import io.renlayer.proxy.error.ErrorDialect;
import io.renlayer.proxy.pipeline.InboundPipeline;
import io.renlayer.spi.upstream.UpstreamProvider;

/**
 * One entry of the route table: the paths it serves, the dialect its errors are written in, its
 * stages in order (the first is the accept stage, the last either lets the call go upstream or
 * answers it), and whether its calls leave trace rows.
 *
 * @param label the route as metrics name it: a fixed set, never a name a caller chose
 * @param provider for {@link ErrorDialect#PROVIDER}: the provider that writes the errors; else null
 */
public record Route(
        String label,
        PathPattern pattern,
        ErrorDialect errors,
        InboundPipeline stages,
        boolean traced,
        UpstreamProvider provider) {

    public Route(String label, PathPattern pattern, ErrorDialect errors, InboundPipeline stages, boolean traced) {
        this(label, pattern, errors, stages, traced, null);
    }
}
