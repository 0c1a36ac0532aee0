package io.renlayer.core.plugins.jars;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import java.util.List;

/** Packed into a jar by PluginLoaderTest: an action "other", from another vendor. */
public class OtherPlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "Other Corp";
    }

    @Override
    public List<PolicyAction> policyActions() {
        return List.of(new PolicyAction() {
            @Override
            public String id() {
                return "other";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public ActionResult decide(ActionContext context) {
                return ActionResult.flag();
            }
        });
    }
}
