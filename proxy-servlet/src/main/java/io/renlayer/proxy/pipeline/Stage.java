package io.renlayer.proxy.pipeline;

/**
 * One step of the inbound pipeline, with one job. A stage stops the chain by returning a
 * rejection, never by throwing or setting a flag.
 */
@FunctionalInterface
public interface Stage {

    StageResult apply(Exchange exchange);
}
