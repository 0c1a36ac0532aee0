package io.renlayer.plugins.policy;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import java.util.List;

/** The gateway's own policy actions, discovered from plugins/ like any vendor's. */
public final class BuiltinPolicyPlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "RenLayer";
    }

    @Override
    public List<PolicyAction> policyActions() {
        return List.of(
                new FixedAction("allow", ActionResult.allow()),
                new FixedAction("flag", ActionResult.flag()),
                new FixedAction("redact", ActionResult.redact()),
                new FixedAction("deny", ActionResult.deny()),
                new RouteAction());
    }
}
