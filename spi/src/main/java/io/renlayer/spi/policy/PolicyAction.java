package io.renlayer.spi.policy;

import io.renlayer.spi.Experimental;
import io.renlayer.spi.config.ConfigProperty;
import java.util.List;

/**
 * What a matching policy does to a call. A policy names its action by id: the gateway ships
 * {@code allow}, {@code flag}, {@code redact}, {@code deny} and {@code route}; a vendor action
 * decides from the call and its settings (for example, "deny outside office hours").
 *
 * <p>Actions are pure: fast, thread safe, free of I/O, and the same context gives the same result.
 * Each decision runs under the gateway's time budget; one that throws or overruns counts as failed
 * and the tenant's fail mode applies.
 */
@Experimental("shaped by the policy engine; the context will grow")
public interface PolicyAction {

    /** Stable id, lowercase and dash separated; unique among actions. */
    String id();

    /** Version of the implementation, for the plugin listing. */
    String version();

    /** The settings a tenant or a policy may give this action; validated before they reach it. */
    default List<ConfigProperty> configProperties() {
        return List.of();
    }

    /** The outcome for this call; never null. */
    ActionResult decide(ActionContext context);
}
