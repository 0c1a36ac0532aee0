package io.renlayer.spi.policy;

import io.renlayer.spi.Experimental;
import io.renlayer.spi.config.PluginSettings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an action may look at: the tenant and its settings for the action, the call (route, dialect,
 * model, when) and what detectors found in it. Immutable; built by the gateway.
 */
@Experimental("shaped by the policy engine; the context will grow")
public final class ActionContext {

    private final String tenantId;
    private final String route;
    private final String provider;
    private final String model;
    private final Map<String, Integer> findingCounts;
    private final Instant at;
    private final PluginSettings settings;

    private ActionContext(
            String tenantId,
            String route,
            String provider,
            String model,
            Map<String, Integer> findingCounts,
            Instant at,
            PluginSettings settings) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId is null");
        this.route = route;
        this.provider = provider;
        this.model = model;
        this.findingCounts = Map.copyOf(findingCounts);
        this.at = Objects.requireNonNull(at, "at is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
    }

    /** A context at the current time with no settings; the {@code with…} methods fill in the rest. */
    public static ActionContext of(String tenantId, String model, List<String> findingTypes) {
        Map<String, Integer> counts = new HashMap<>();
        findingTypes.forEach(t -> counts.merge(t, 1, Integer::sum));
        return new ActionContext(tenantId, null, null, model, counts, Instant.now(), PluginSettings.NONE);
    }

    public ActionContext withCall(String route, String provider, Instant at) {
        return new ActionContext(tenantId, route, provider, model, findingCounts, at, settings);
    }

    public ActionContext withFindingCounts(Map<String, Integer> findingCounts) {
        return new ActionContext(tenantId, route, provider, model, findingCounts, at, settings);
    }

    public ActionContext withSettings(PluginSettings settings) {
        return new ActionContext(tenantId, route, provider, model, findingCounts, at, settings);
    }

    public String tenantId() {
        return tenantId;
    }

    /** The route the call came in on ({@code /v1/chat/completions}, {@code /mcp/*}, ...), or null. */
    public String route() {
        return route;
    }

    /** The dialect of the upstream the call is bound for ({@code openai}, ...), or null. */
    public String provider() {
        return provider;
    }

    /** The requested model, or null when the route has none. */
    public String model() {
        return model;
    }

    public List<String> findingTypes() {
        return List.copyOf(findingCounts.keySet());
    }

    /** Finding type to the number of findings of that type. */
    public Map<String, Integer> findingCounts() {
        return findingCounts;
    }

    /** When the call arrived: decide on this, not on the clock, so that dry runs over stored calls agree. */
    public Instant at() {
        return at;
    }

    /**
     * The action's settings for this policy: the policy's own values over the tenant's, over the
     * properties' defaults.
     */
    public PluginSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "ActionContext[tenant=" + tenantId + ", route=" + route + ", model=" + model + "]";
    }
}
