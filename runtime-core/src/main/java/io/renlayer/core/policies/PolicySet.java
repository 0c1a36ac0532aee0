package io.renlayer.core.policies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A tenant's enabled policies, compiled and sorted: ascending priority, then name. Evaluation
 * walks them in that order; FLAG, REDACT and ROUTE apply and go on, the first ALLOW or DENY ends it.
 */
public final class PolicySet {

    public static final PolicySet EMPTY = new PolicySet(List.of());

    private final List<CompiledPolicy> policies;
    private final boolean anyResponsePolicy;

    public PolicySet(List<CompiledPolicy> policies) {
        this.policies = policies.stream()
                .sorted(Comparator.comparingInt(CompiledPolicy::priority).thenComparing(CompiledPolicy::name))
                .toList();
        this.anyResponsePolicy = this.policies.stream().anyMatch(p -> p.phase().appliesAt(Phase.RESPONSE));
    }

    public boolean isEmpty() {
        return policies.isEmpty();
    }

    /** True when answers must be inspected for this tenant. */
    public boolean hasResponsePolicies() {
        return anyResponsePolicy;
    }

    public List<CompiledPolicy> policies() {
        return policies;
    }

    /** @param moment {@link Phase#REQUEST} or {@link Phase#RESPONSE} */
    public PolicyDecision evaluate(Phase moment, PolicySubject subject) {
        List<AppliedPolicy> applied = null;
        for (CompiledPolicy policy : policies) {
            if (!policy.phase().appliesAt(moment)) {
                continue;
            }
            String reason = policy.match(subject);
            if (reason == null) {
                continue;
            }
            PolicyVerdict verdict = policy.action().apply(subject);
            if (verdict.outcome() == PolicyOutcome.NONE) {
                continue; // the action left this call alone
            }
            if (applied == null) {
                applied = new ArrayList<>(2);
            }
            applied.add(new AppliedPolicy(policy.id(), policy.name(), verdict, moment, reason, policy.findingTypes()));
            if (verdict.outcome().terminal()) {
                break;
            }
        }
        return applied == null ? PolicyDecision.NONE : new PolicyDecision(List.copyOf(applied));
    }
}
