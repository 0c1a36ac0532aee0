package io.renlayer.core.policies;

/**
 * What a matching policy does. ALLOW and DENY end the evaluation; FLAG and REDACT are applied
 * and evaluation goes on to lower priorities.
 */
public enum PolicyOutcome {
    ALLOW,
    FLAG,
    REDACT,
    DENY;

    public boolean terminal() {
        return this == ALLOW || this == DENY;
    }
}
