package io.renlayer.core.policies;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Compiles stored policies: the same code validates a policy at save and prepares it for the proxy. */
public final class PolicyCompiler {

    private static final Logger LOG = Logger.getLogger(PolicyCompiler.class.getName());

    private PolicyCompiler() {}

    /**
     * @throws InvalidRequestException when a condition is malformed or the action is unknown
     */
    public static CompiledPolicy compile(PolicyDefinition policy, Function<String, Optional<PolicyAction>> plugins) {
        ConditionCompiler.Compiled conditions = ConditionCompiler.compile(policy.conditions());
        return new CompiledPolicy(
                policy.id(),
                policy.name(),
                policy.priority(),
                policy.phase(),
                conditions.conditions(),
                conditions.findingTypes(),
                action(policy.action(), plugins));
    }

    /** The enabled policies that compile; one that no longer does (its plugin is gone) is left out and logged. */
    public static PolicySet compileAll(
            List<PolicyDefinition> policies, Function<String, Optional<PolicyAction>> plugins) {
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (PolicyDefinition policy : policies) {
            if (!policy.enabled()) {
                continue;
            }
            try {
                compiled.add(compile(policy, plugins));
            } catch (InvalidRequestException e) {
                LOG.log(
                        Level.SEVERE,
                        "policy " + policy.id() + " of tenant " + policy.tenantId() + " is left out: "
                                + e.getMessage());
            }
        }
        return new PolicySet(compiled);
    }

    static Function<PolicySubject, PolicyOutcome> action(
            String action, Function<String, Optional<PolicyAction>> plugins) {
        try {
            PolicyOutcome builtIn = PolicyOutcome.valueOf(action.toUpperCase(Locale.ROOT));
            return subject -> builtIn;
        } catch (IllegalArgumentException notBuiltIn) {
            PolicyAction plugin = plugins.apply(action)
                    .orElseThrow(() -> new InvalidRequestException(
                            "action",
                            "action must be ALLOW, FLAG, REDACT, DENY or the id of a loaded policy-action plugin; '"
                                    + action + "' is none of these"));
            return subject -> vendorOutcome(plugin, subject);
        }
    }

    /** A vendor action that fails flags the call rather than decide it: the failure is visible, nothing is lost. */
    private static PolicyOutcome vendorOutcome(PolicyAction plugin, PolicySubject subject) {
        try {
            ActionResult result = plugin.decide(ActionContext.of(
                    subject.tenantId().toString(),
                    subject.model(),
                    List.copyOf(subject.findingCounts().keySet())));
            return result == null
                    ? PolicyOutcome.FLAG
                    : PolicyOutcome.valueOf(result.outcome().name());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "policy action " + plugin.id() + " failed", e);
            return PolicyOutcome.FLAG;
        }
    }
}
