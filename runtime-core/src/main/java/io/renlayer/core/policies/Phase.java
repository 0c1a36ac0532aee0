package io.renlayer.core.policies;

import java.util.Locale;

/** When a policy is evaluated: on the prompt, on the answer, or on both. */
public enum Phase {
    REQUEST,
    RESPONSE,
    BOTH;

    /** True when a policy of this phase is evaluated at {@code moment} (REQUEST or RESPONSE). */
    public boolean appliesAt(Phase moment) {
        return this == BOTH || this == moment;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
