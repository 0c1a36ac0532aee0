package io.renlayer.spi.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.renlayer.spi.config.ConfigProperty;
import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The action contract must catch the mistakes it promises to catch. */
class PolicyActionContractTest {

    private static final List<ActionContext> CONTEXTS = List.of(
            ActionContext.of("tenant-a", "gpt-4o", List.of()), ActionContext.of("tenant-b", "o3", List.of("EMAIL")));

    @Test
    void acceptsAWellBehavedAction() throws Exception {
        PolicyActionContract contract = contract(
                () -> action("by-model", c -> c.model().equals("o3") ? ActionResult.deny() : ActionResult.none()));
        contract.idVersionAndPropertiesAreWellFormed();
        contract.everyContextGetsADecisionAndTheSameOneEveryTime();
        contract.concurrentDecisionsAgreeWithSequentialOnes();
        contract.decidesWellWithinTheBudget();
    }

    @Test
    void catchesAMalformedIdAndAnInvalidDefault() {
        assertThrows(
                AssertionFailedError.class,
                () -> contract(() -> action("Bad_Id", c -> ActionResult.allow()))
                        .idVersionAndPropertiesAreWellFormed());
        PolicyAction badDefault = new Fixed("bad-default", c -> ActionResult.allow()) {
            @Override
            public List<ConfigProperty> configProperties() {
                return List.of(
                        ConfigProperty.of("hour", ConfigProperty.Type.INTEGER).withDefault("nine"));
            }
        };
        assertThrows(
                AssertionFailedError.class, () -> contract(() -> badDefault).idVersionAndPropertiesAreWellFormed());
    }

    @Test
    void catchesANullDecision() {
        assertThrows(
                AssertionFailedError.class,
                () -> contract(() -> action("nothing", c -> null)).everyContextGetsADecisionAndTheSameOneEveryTime());
    }

    @Test
    void catchesAnActionThatRemembersEarlierCalls() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(
                AssertionFailedError.class,
                () -> contract(() -> action(
                                "counting",
                                c -> calls.incrementAndGet() > 2 ? ActionResult.deny() : ActionResult.allow()))
                        .everyContextGetsADecisionAndTheSameOneEveryTime());
    }

    @Test
    void catchesAnActionThatIsTooSlow() {
        assertThrows(
                AssertionFailedError.class,
                () -> contract(() -> action("slow", c -> {
                            try {
                                Thread.sleep(PolicyActionContract.BUDGET_MS + 20);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return ActionResult.allow();
                        }))
                        .decidesWellWithinTheBudget());
    }

    private static PolicyActionContract contract(Supplier<PolicyAction> action) {
        return new PolicyActionContract() {
            @Override
            public PolicyAction newAction() {
                return action.get();
            }

            @Override
            public List<ActionContext> contexts() {
                return CONTEXTS;
            }
        };
    }

    private static PolicyAction action(String id, Function<ActionContext, ActionResult> decide) {
        return new Fixed(id, decide);
    }

    private static class Fixed implements PolicyAction {
        private final String id;
        private final Function<ActionContext, ActionResult> decide;

        Fixed(String id, Function<ActionContext, ActionResult> decide) {
            this.id = id;
            this.decide = decide;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public ActionResult decide(ActionContext context) {
            return decide.apply(context);
        }
    }
}
