package io.renlayer.core.policies;

/**
 * What a matching policy does. ALLOW and DENY end the evaluation; FLAG, REDACT and ROUTE are
 * applied and evaluation goes on to lower priorities; NONE is not applied at all.
 */
public enum PolicyOutcome {
    ALLOW,
    FLAG,
    REDACT,
    DENY,
    /** Forward to another of the tenant's upstreams (and model) instead. */
    ROUTE,
    /** The action left the call alone: the policy counts as not applied. */
    NONE;

    public boolean terminal() {
        return this == ALLOW || this == DENY;
    }
}
