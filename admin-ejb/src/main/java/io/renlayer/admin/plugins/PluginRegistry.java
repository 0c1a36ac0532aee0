package io.renlayer.admin.plugins;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.policy.PolicyAction;
import io.renlayer.spi.upstream.UpstreamProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads every plugin once, built-in and vendor alike, from the server's plugin library through
 * {@link ServiceLoader}, and hands them to the rest of the gateway.
 *
 * <p>A jar that cannot be loaded, or that was built for a newer major SPI version, is skipped and
 * logged. Duplicate ids fail startup: silently shadowing a plugin would route traffic or decide
 * policy with code nobody chose.
 */
@ApplicationScoped
public class PluginRegistry {

    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

    private final Map<String, UpstreamProvider> upstreamProviders = new LinkedHashMap<>();
    private final Map<String, DlpDetector> detectors = new LinkedHashMap<>();
    private final Map<String, PolicyAction> actions = new LinkedHashMap<>();
    private final Map<String, Registered> registered = new LinkedHashMap<>();

    private record Registered(PluginKind kind, String id, String version, String vendor, PluginJar jar,
            PluginHealth health) {}

    @PostConstruct
    void load() {
        // The SPI's own loader is the plugin library's: it sees every plugin jar, not the application.
        var loader = ServiceLoader.load(RenLayerPlugin.class, RenLayerPlugin.class.getClassLoader());
        var iterator = loader.iterator();
        while (true) {
            RenLayerPlugin plugin;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                plugin = iterator.next();
            } catch (ServiceConfigurationError broken) {
                LOG.log(Level.SEVERE, "Skipped a plugin that cannot be loaded: " + broken.getMessage(), broken);
                continue;
            }
            register(plugin);
        }
    }

    private void register(RenLayerPlugin plugin) {
        PluginJar jar = PluginJar.of(plugin.getClass());
        if (!jar.compatibleWith(RenLayerPlugin.SPI_VERSION)) {
            LOG.severe("Skipped plugin " + plugin.getClass().getName() + " from " + jar.fileName()
                    + ": built for SPI " + jar.spiVersion().orElse("?") + ", this gateway provides "
                    + RenLayerPlugin.SPI_VERSION);
            return;
        }
        if (jar.spiVersion().isEmpty()) {
            LOG.warning("Plugin jar " + jar.fileName() + " does not declare RenLayer-SPI-Version in its manifest");
        }
        String vendor = plugin.vendor();
        add(PluginKind.UPSTREAM_PROVIDER, plugin.upstreamProviders(), upstreamProviders,
                UpstreamProvider::id, UpstreamProvider::version, vendor, jar);
        add(PluginKind.DLP_DETECTOR, plugin.dlpDetectors(), detectors,
                DlpDetector::id, DlpDetector::version, vendor, jar);
        add(PluginKind.POLICY_ACTION, plugin.policyActions(), actions,
                PolicyAction::id, PolicyAction::version, vendor, jar);
    }

    private <T> void add(PluginKind kind, List<T> contributed, Map<String, T> byId, Function<T, String> id,
            Function<T, String> version, String vendor, PluginJar jar) {
        for (T item : contributed) {
            String itemId = id.apply(item);
            T previous = byId.putIfAbsent(itemId, item);
            if (previous != null) {
                throw new IllegalStateException("two " + kind + " plugins claim the id '" + itemId + "': "
                        + previous.getClass().getName() + " and " + item.getClass().getName());
            }
            registered.put(kind + ":" + itemId,
                    new Registered(kind, itemId, version.apply(item), vendor, jar, new PluginHealth()));
            LOG.info("Registered " + kind + " " + itemId + " " + version.apply(item) + " by " + vendor
                    + " from " + jar.fileName());
        }
    }

    public Optional<UpstreamProvider> upstreamProvider(String id) {
        return Optional.ofNullable(upstreamProviders.get(id));
    }

    public List<String> upstreamProviderIds() {
        return upstreamProviders.keySet().stream().sorted().toList();
    }

    /** Every detector, in id order. */
    public List<DlpDetector> detectors() {
        return detectors.values().stream().sorted(Comparator.comparing(DlpDetector::id)).toList();
    }

    public Optional<PolicyAction> policyAction(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** The health record of a loaded plugin. */
    public PluginHealth health(PluginKind kind, String id) {
        Registered r = registered.get(kind + ":" + id);
        if (r == null) {
            throw new IllegalArgumentException("no " + kind + " plugin '" + id + "'");
        }
        return r.health();
    }

    public List<PluginDescriptor> describe() {
        List<PluginDescriptor> result = new ArrayList<>();
        for (Registered r : registered.values()) {
            result.add(new PluginDescriptor(r.id(), r.kind(), r.version(), r.vendor(), r.jar().fileName(),
                    r.jar().spiVersion().orElse(null), r.health().snapshot()));
        }
        return result;
    }
}
