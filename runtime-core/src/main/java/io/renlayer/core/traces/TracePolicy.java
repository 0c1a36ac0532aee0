package io.renlayer.core.traces;

/**
 * A policy that matched a traced call: what it did, at which phase, and why.
 *
 * @param routedUpstream for ROUTE: the upstream the call went to instead; else null
 * @param routedModel for ROUTE: the model it asked for there, or null when it kept the caller's
 * @param actionFailed the policy's action threw or overran its budget
 */
public record TracePolicy(
        String policy,
        String action,
        String phase,
        String reason,
        String routedUpstream,
        String routedModel,
        boolean actionFailed) {

    public TracePolicy(String policy, String action, String phase, String reason) {
        this(policy, action, phase, reason, null, null, false);
    }
}
