package io.renlayer.proxy.pipeline;

import java.util.List;

/** Runs a route's stages in the order its route table entry lists them, until one stops the call. */
public final class InboundPipeline {

    private final List<Stage> stages;

    public InboundPipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** The result of the stage that stopped the call, or proceed when every stage let it through. */
    public StageResult run(Exchange exchange) {
        for (Stage stage : stages) {
            StageResult result = stage.apply(exchange);
            if (!result.proceeds()) {
                return result;
            }
        }
        return StageResult.proceed();
    }
}
