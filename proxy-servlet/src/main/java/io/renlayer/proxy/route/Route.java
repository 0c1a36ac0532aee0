package io.renlayer.proxy.route;

import io.renlayer.proxy.error.ErrorDialect;
import io.renlayer.proxy.pipeline.InboundPipeline;

/**
 * One entry of the route table: the paths it serves, the dialect its errors are written in, its
 * stages in order (the first is the accept stage, the last either lets the call go upstream or
 * answers it), and whether its calls leave trace rows.
 *
 * @param label the route as metrics name it: a fixed set, never a name a caller chose
 */
public record Route(String label, PathPattern pattern, ErrorDialect errors, InboundPipeline stages, boolean traced) {}
