package io.renlayer.plugins.policy;

import io.renlayer.spi.config.ConfigProperty;
import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import java.util.List;

/**
 * Sends the call to another of the tenant's upstreams (and model) instead of refusing it: prompts
 * with customer data go to the self-hosted model, say, not the public one. The tenant names the
 * upstream once, in this action's settings; the gateway checks it serves the call's dialect.
 */
final class RouteAction implements PolicyAction {

    static final ConfigProperty UPSTREAM = ConfigProperty.of("upstream", ConfigProperty.Type.STRING)
            .withLabel("Upstream")
            .withHelp("Name of the tenant's upstream to send the call to; it must speak the caller's dialect")
            .required();
    static final ConfigProperty MODEL = ConfigProperty.of("model", ConfigProperty.Type.STRING)
            .withLabel("Model")
            .withHelp("Model to ask that upstream for; empty keeps the model the caller asked for");

    @Override
    public String id() {
        return "route";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<ConfigProperty> configProperties() {
        return List.of(UPSTREAM, MODEL);
    }

    @Override
    public ActionResult decide(ActionContext context) {
        return ActionResult.route(
                context.settings().get("upstream"), context.settings().get("model"));
    }
}
