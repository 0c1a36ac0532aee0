package io.renlayer.proxy.pipeline;

import io.renlayer.proxy.error.ProxyError;
import java.util.List;
import java.util.Optional;

/** Runs the inbound stages in their one, reviewed order until one rejects the call. */
public final class InboundPipeline {

    private final List<Stage> stages;

    public InboundPipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** The first rejection, or empty when every stage let the call through. */
    public Optional<ProxyError> run(Exchange exchange) {
        for (Stage stage : stages) {
            Optional<ProxyError> rejection = stage.apply(exchange).rejection();
            if (rejection.isPresent()) {
                return rejection;
            }
        }
        return Optional.empty();
    }
}
