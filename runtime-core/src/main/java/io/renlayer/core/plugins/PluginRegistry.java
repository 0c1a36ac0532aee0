package io.renlayer.core.plugins;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.policy.PolicyAction;
import io.renlayer.spi.upstream.UpstreamProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The gateway's view of its plugins: every plugin bean of each kind (as {@link PluginDiscovery}
 * registered them), looked up by id, with where it came from and how it has behaved.
 */
@ApplicationScoped
public class PluginRegistry {

    @Inject
    @Any
    private Instance<UpstreamProvider> upstreamBeans;

    @Inject
    @Any
    private Instance<DlpDetector> detectorBeans;

    @Inject
    @Any
    private Instance<PolicyAction> actionBeans;

    @Inject
    private PluginDiscovery discovery;

    private Map<String, UpstreamProvider> upstreamProviders;
    private int detectorCount;
    private Map<String, PolicyAction> actions;
    private final Map<String, PluginHealth> health = new LinkedHashMap<>();
    private final Set<String> shipped = new HashSet<>();

    @PostConstruct
    void index() {
        // Plugins are fixed for the life of the server: resolve the beans once, not per request.
        upstreamProviders = byId(upstreamBeans, UpstreamProvider::id);
        detectorCount = byId(detectorBeans, DlpDetector::id).size();
        actions = byId(actionBeans, PolicyAction::id);
        for (PluginDiscovery.PluginRecord r : discovery.records()) {
            health.put(r.kind() + ":" + r.id(), new PluginHealth());
            if (r.shipped()) {
                shipped.add(r.kind() + ":" + r.id());
            }
        }
    }

    public Optional<UpstreamProvider> upstreamProvider(String id) {
        return Optional.ofNullable(upstreamProviders.get(id));
    }

    public List<String> upstreamProviderIds() {
        return upstreamProviders.keySet().stream().sorted().toList();
    }

    /** How many detectors are loaded. */
    public int detectorCount() {
        return detectorCount;
    }

    public Optional<PolicyAction> policyAction(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** The health record of a loaded plugin. */
    public PluginHealth health(PluginKind kind, String id) {
        PluginHealth h = health.get(kind + ":" + id);
        if (h == null) {
            throw new IllegalArgumentException("no " + kind + " plugin '" + id + "'");
        }
        return h;
    }

    /** Whether the plugin is the gateway's own (built from plugins/ in its repository), not a vendor's. */
    public boolean shippedWithTheGateway(PluginKind kind, String id) {
        return shipped.contains(kind + ":" + id);
    }

    public List<PluginDescriptor> describe() {
        List<PluginDescriptor> result = new ArrayList<>();
        for (PluginDiscovery.PluginRecord r : discovery.records()) {
            result.add(new PluginDescriptor(
                    r.id(),
                    r.kind(),
                    r.version(),
                    r.vendor(),
                    r.jar().fileName(),
                    r.jar().spiVersion().orElse(null),
                    health(r.kind(), r.id()).snapshot()));
        }
        return result;
    }

    private static <T> Map<String, T> byId(Instance<T> beans, Function<T, String> id) {
        Map<String, T> result = new LinkedHashMap<>();
        for (T bean : beans) {
            result.put(id.apply(bean), bean);
        }
        return Map.copyOf(result);
    }
}
