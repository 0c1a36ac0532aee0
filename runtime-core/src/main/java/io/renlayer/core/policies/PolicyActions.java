package io.renlayer.core.policies;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.plugins.PluginCalls;
import io.renlayer.core.plugins.PluginCalls.PluginCallFailed;
import io.renlayer.core.plugins.PluginHealth;
import io.renlayer.core.plugins.PluginKind;
import io.renlayer.core.plugins.PluginSet;
import io.renlayer.core.plugins.PluginSettingsCheck;
import io.renlayer.core.plugins.TenantPlugins;
import io.renlayer.spi.config.PluginSettings;
import io.renlayer.spi.policy.ActionContext;
import io.renlayer.spi.policy.ActionResult;
import io.renlayer.spi.policy.PolicyAction;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Resolves the action a policy names to a policy-action plugin of the set in use, with the tenant's
 * settings for it, and calls it under the plugin budget. Every action is a plugin, the built-in
 * {@code allow}, {@code flag}, {@code redact}, {@code deny} and {@code route} included; a policy
 * names one case-insensitively.
 */
public final class PolicyActions {

    private static final PluginKind ACTION = PluginKind.POLICY_ACTION;

    private final PluginSet plugins;
    private final TenantPlugins tenant;
    private final Duration budget;

    public PolicyActions(PluginSet plugins, TenantPlugins tenant, Duration budget) {
        this.plugins = plugins;
        this.tenant = tenant;
        this.budget = budget;
    }

    /**
     * @throws InvalidRequestException when no loaded action has that id, the tenant switched it off,
     *     or it needs settings the tenant has not given
     */
    Function<PolicySubject, PolicyVerdict> bind(String action) {
        String id = action.toLowerCase(Locale.ROOT);
        PolicyAction plugin = plugins.policyAction(id)
                .orElseThrow(() -> new InvalidRequestException(
                        "action",
                        "action must be the id of a loaded policy action ("
                                + String.join(", ", plugins.policyActionIds()) + "); '" + action
                                + "' is none of these"));
        if (!tenant.enabled(ACTION, id)) {
            throw new InvalidRequestException("action", "the action '" + id + "' is switched off for this tenant");
        }
        PluginSettings settings = plugins.settingsFor(ACTION, id, tenant)
                .orElseThrow(() -> new InvalidRequestException(
                        "action",
                        "the action '" + id + "' needs settings first: "
                                + PluginSettingsCheck.missing(
                                        plugins.configProperties(ACTION, id), tenant.values(ACTION, id))
                                + " (PUT /api/v1/tenants/{tenantId}/plugins/actions/" + id + ")"));
        PluginHealth health = plugins.health(ACTION, id);
        boolean inline = plugins.shippedWithTheGateway(ACTION, id);
        return subject -> decide(plugin, settings, health, inline, subject);
    }

    private PolicyVerdict decide(
            PolicyAction plugin, PluginSettings settings, PluginHealth health, boolean inline, PolicySubject subject) {
        ActionContext context = ActionContext.of(subject.tenantId().toString(), subject.model(), List.of())
                .withFindingCounts(subject.findingCounts())
                .withCall(subject.route(), subject.provider(), subject.at())
                .withSettings(settings);
        try {
            ActionResult result = PluginCalls.call(health, inline, budget, () -> plugin.decide(context));
            if (result == null) {
                health.failed(new IllegalStateException("decided nothing (null)"));
                return PolicyVerdict.failedAction();
            }
            return PolicyVerdict.of(result);
        } catch (PluginCallFailed e) {
            return PolicyVerdict.failedAction();
        }
    }
}
