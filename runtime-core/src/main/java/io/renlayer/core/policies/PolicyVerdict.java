package io.renlayer.core.policies;

import io.renlayer.spi.policy.ActionResult;

/**
 * What a policy's action decided for one call.
 *
 * @param routeUpstream for ROUTE: the name of the tenant's upstream to use instead
 * @param routeModel for ROUTE: the model to ask it for, or null to keep the caller's
 * @param reason the action's own short reason, or null
 * @param failed the action threw, overran its budget or answered nothing: the outcome is FLAG and
 *     the tenant's fail mode decides whether the call goes on
 */
public record PolicyVerdict(
        PolicyOutcome outcome, String routeUpstream, String routeModel, String reason, boolean failed) {

    static PolicyVerdict of(ActionResult result) {
        return new PolicyVerdict(
                PolicyOutcome.valueOf(result.outcome().name()),
                result.upstream(),
                result.model(),
                result.reason(),
                false);
    }

    static PolicyVerdict failedAction() {
        return new PolicyVerdict(PolicyOutcome.FLAG, null, null, "the action failed", true);
    }
}
