package io.renlayer.plugins.policy;

import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;

/** An action whose decision is its name: what a matching policy of that action always does. */
record FixedAction(String id, ActionResult result) implements PolicyAction {

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public ActionResult decide(ActionContext context) {
        return result;
    }
}
