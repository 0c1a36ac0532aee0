package io.renlayer.core.policies;

import java.util.List;

/**
 * The result of evaluating a tenant's policies at one moment: every policy that matched, in
 * order; the last is the terminal one (ALLOW or DENY) when there was one.
 */
public record PolicyDecision(List<AppliedPolicy> applied) {

    public static final PolicyDecision NONE = new PolicyDecision(List.of());

    public boolean denied() {
        return !applied.isEmpty() && applied.getLast().outcome() == PolicyOutcome.DENY;
    }

    /** The denying policy; only when {@link #denied()}. */
    public AppliedPolicy denial() {
        return applied.getLast();
    }

    public boolean redacts() {
        return applied.stream().anyMatch(a -> a.outcome() == PolicyOutcome.REDACT);
    }

    /** True when a REDACT policy covers findings of this type. */
    public boolean redactsType(String type) {
        return applied.stream()
                .anyMatch(a -> a.outcome() == PolicyOutcome.REDACT
                        && (a.findingTypes().isEmpty() || a.findingTypes().contains(type)));
    }

    public boolean flagged() {
        return applied.stream().anyMatch(a -> a.outcome() == PolicyOutcome.FLAG);
    }
}
