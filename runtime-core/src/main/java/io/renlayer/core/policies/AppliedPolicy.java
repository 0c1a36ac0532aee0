package io.renlayer.core.policies;

import io.renlayer.core.json.Jsonp;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.UUID;

/** A policy that matched a call, what it did, and why (its conditions, as they held). */
public record AppliedPolicy(
        UUID policyId, String name, PolicyOutcome outcome, Phase phase, String reason, Set<String> findingTypes) {

    public JsonObject toJson() {
        return Jsonp.createObjectBuilder()
                .add("policyId", policyId.toString())
                .add("policy", name)
                .add("action", outcome.name())
                .add("phase", phase.wire())
                .add("reason", reason)
                .build();
    }
}
