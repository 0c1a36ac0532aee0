package io.renlayer.plugins.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.spi.config.PluginSettings;
import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import io.renlayer.spi.tck.PolicyActionContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteActionContractTest implements PolicyActionContract {

    @Override
    public PolicyAction newAction() {
        return new RouteAction();
    }

    @Override
    public List<ActionContext> contexts() {
        return List.of(
                call("gpt-4o", Map.of("upstream", "self-hosted", "model", "llama-3")),
                call("gpt-4o", Map.of("upstream", "self-hosted")));
    }

    @Test
    void routesToTheTenantsUpstreamAndModel() {
        ActionResult result = newAction().decide(contexts().get(0));
        assertThat(result.outcome()).isEqualTo(ActionResult.Outcome.ROUTE);
        assertThat(result.upstream()).isEqualTo("self-hosted");
        assertThat(result.model()).isEqualTo("llama-3");
        assertThat(newAction().decide(contexts().get(1)).model()).isNull();
    }

    @Test
    void theUpstreamIsRequiredTheModelIsNot() {
        assertThat(RouteAction.UPSTREAM.isRequired()).isTrue();
        assertThat(RouteAction.MODEL.isRequired()).isFalse();
    }

    private static ActionContext call(String model, Map<String, String> settings) {
        return ActionContext.of("tenant-a", model, List.of("EMAIL")).withSettings(PluginSettings.of(settings));
    }
}
