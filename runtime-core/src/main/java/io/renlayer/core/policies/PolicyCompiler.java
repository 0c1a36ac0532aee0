package io.renlayer.core.policies;

import io.renlayer.core.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Compiles stored policies: the same code validates a policy at save and prepares it for the proxy. */
public final class PolicyCompiler {

    private static final Logger LOG = Logger.getLogger(PolicyCompiler.class.getName());

    private PolicyCompiler() {}

    /**
     * @throws InvalidRequestException when a condition is malformed, or the action is unknown, switched
     *     off for the tenant or not yet configured
     */
    public static CompiledPolicy compile(PolicyDefinition policy, PolicyActions actions) {
        ConditionCompiler.Compiled conditions = ConditionCompiler.compile(policy.conditions());
        return new CompiledPolicy(
                policy.id(),
                policy.name(),
                policy.priority(),
                policy.phase(),
                conditions.conditions(),
                conditions.findingTypes(),
                actions.bind(policy.action()));
    }

    /** The enabled policies that compile; one that no longer does (its plugin is gone) is left out and logged. */
    public static PolicySet compileAll(List<PolicyDefinition> policies, PolicyActions actions) {
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (PolicyDefinition policy : policies) {
            if (!policy.enabled()) {
                continue;
            }
            try {
                compiled.add(compile(policy, actions));
            } catch (InvalidRequestException e) {
                LOG.log(
                        Level.SEVERE,
                        "policy " + policy.id() + " of tenant " + policy.tenantId() + " is left out: "
                                + e.getMessage());
            }
        }
        return new PolicySet(compiled);
    }
}
