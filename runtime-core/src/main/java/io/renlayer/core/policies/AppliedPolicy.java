package io.renlayer.core.policies;

import java.util.Set;
import java.util.UUID;

/** A policy that matched a call, what its action decided, and why (its conditions, as they held). */
public record AppliedPolicy(
        UUID policyId, String name, PolicyVerdict verdict, Phase phase, String reason, Set<String> findingTypes) {

    public PolicyOutcome outcome() {
        return verdict.outcome();
    }
}
