package io.renlayer.spi.policy;

import io.renlayer.spi.Experimental;

/**
 * What a matching policy does to a call. The built-ins are ALLOW, FLAG, REDACT and DENY; a vendor
 * action maps the situation to one of those outcomes (for example, "deny outside office hours").
 */
@Experimental("shaped by the policy engine; the context will grow")
public interface PolicyAction {

    /** Stable id, lowercase and dash separated; unique among actions. */
    String id();

    /** Version of the implementation, for the plugin listing. */
    String version();

    /** The outcome for this call. Must be fast, thread safe and free of I/O. */
    Outcome decide(ActionContext context);

    /** The outcomes the gateway knows how to carry out. */
    enum Outcome {
        ALLOW,
        FLAG,
        REDACT,
        DENY
    }
}
