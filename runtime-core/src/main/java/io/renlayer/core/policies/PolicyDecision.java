package io.renlayer.core.policies;

import java.util.List;
import java.util.Optional;

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

    /** The first policy that routes the call elsewhere, if any: the one that is carried out. */
    public Optional<AppliedPolicy> route() {
        return applied.stream().filter(a -> a.outcome() == PolicyOutcome.ROUTE).findFirst();
    }

    /** True when an action failed and the tenant's fail mode must decide. */
    public boolean actionFailed() {
        return applied.stream().anyMatch(a -> a.verdict().failed());
    }

    public boolean flagged() {
        return applied.stream().anyMatch(a -> a.outcome() == PolicyOutcome.FLAG);
    }
}
