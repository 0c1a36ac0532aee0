package io.renlayer.plugins.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import io.renlayer.spi.tck.PolicyActionContract;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FixedActionContractTest implements PolicyActionContract {

    @Override
    public PolicyAction newAction() {
        return new FixedAction("deny", ActionResult.deny());
    }

    @Override
    public List<ActionContext> contexts() {
        return List.of(
                ActionContext.of("tenant-a", "gpt-4o", List.of()),
                ActionContext.of("tenant-b", null, List.of("EMAIL")));
    }

    @Test
    void eachBuiltInDecidesWhatItIsNamedAfter() {
        for (PolicyAction action : new BuiltinPolicyPlugin().policyActions()) {
            if (!action.id().equals("route")) {
                assertThat(action.decide(contexts().getFirst()).outcome().name())
                        .isEqualTo(action.id().toUpperCase(Locale.ROOT));
            }
        }
    }
}
