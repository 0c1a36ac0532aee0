package io.renlayer.core.plugins;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.config.ConfigProperty;
import io.renlayer.spi.config.PluginSettings;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.policy.PolicyAction;
import io.renlayer.spi.upstream.UpstreamProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugins in use at one moment, immutable. A call reads the set once and keeps it to its end,
 * so a jar dropped in or removed meanwhile changes the next call, never a call in flight.
 */
public final class PluginSet {

    /** What a call into a vendor's plugin may take unless the gateway is told otherwise. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(100);

    static final PluginSet EMPTY = new PluginSet(List.of(), List.of(), List.of(), DEFAULT_BUDGET);

    private final List<PluginFile> listing;
    private final List<LoadedJar> jars;
    private final List<RefusedJar> refused;
    private final Map<String, PluginEntry> entries = new LinkedHashMap<>();
    private final Map<String, UpstreamProvider> providers = new LinkedHashMap<>();
    private final Map<String, PolicyAction> actions = new LinkedHashMap<>();
    private final List<DlpDetector> detectors;
    private final Map<String, PluginSettings> defaults = new HashMap<>();

    PluginSet(List<PluginFile> listing, List<LoadedJar> jars, List<RefusedJar> refused, Duration budget) {
        this.listing = List.copyOf(listing);
        this.jars = List.copyOf(jars);
        this.refused = List.copyOf(refused);
        List<DlpDetector> found = new ArrayList<>();
        for (LoadedJar jar : jars) {
            for (PluginEntry entry : jar.entries()) {
                entries.put(entry.key(), entry);
                if (PluginSettingsCheck.missing(entry.configProperties(), Map.of())
                        .isEmpty()) {
                    defaults.put(entry.key(), PluginSettingsCheck.effective(entry.configProperties(), Map.of()));
                }
                switch (entry.kind()) {
                    case UPSTREAM_PROVIDER ->
                        providers.put(
                                entry.id(),
                                new GuardedProvider(
                                        (UpstreamProvider) entry.instance(), entry.health(), entry.shipped(), budget));
                    case POLICY_ACTION -> actions.put(entry.id(), (PolicyAction) entry.instance());
                    case DLP_DETECTOR -> found.add((DlpDetector) entry.instance());
                }
            }
        }
        found.sort(Comparator.comparing(DlpDetector::id));
        this.detectors = List.copyOf(found);
    }

    /**
     * Plugins already on the class path, as one set: for tests and tools, without jars or their
     * isolation.
     */
    public static PluginSet ofClassPath(List<RenLayerPlugin> plugins) {
        List<PluginEntry> entries = new ArrayList<>();
        PluginJar classPath = new PluginJar("class path", Optional.of(RenLayerPlugin.SPI_VERSION));
        for (RenLayerPlugin plugin : plugins) {
            entries.addAll(PluginEntries.of(plugin, classPath, PluginLoader.shippedWithTheGateway(plugin)));
        }
        return new PluginSet(
                List.of(),
                List.of(new LoadedJar(new PluginFile(Path.of("class path"), 0, 0), null, entries)),
                List.of(),
                DEFAULT_BUDGET);
    }

    List<PluginFile> listing() {
        return listing;
    }

    List<LoadedJar> jars() {
        return jars;
    }

    public List<RefusedJar> refused() {
        return refused;
    }

    /** The provider, every call into it under the plugin budget (see {@link GuardedProvider}). */
    public Optional<UpstreamProvider> upstreamProvider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    public List<String> upstreamProviderIds() {
        return providers.keySet().stream().sorted().toList();
    }

    public Optional<PolicyAction> policyAction(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    public List<String> policyActionIds() {
        return actions.keySet().stream().sorted().toList();
    }

    /** Every detector, in id order. */
    public List<DlpDetector> detectors() {
        return detectors;
    }

    /** What the plugin can be configured with; empty for a plugin not in this set. */
    public List<ConfigProperty> configProperties(PluginKind kind, String id) {
        PluginEntry entry = entries.get(PluginEntry.key(kind, id));
        return entry == null ? List.of() : entry.configProperties();
    }

    /**
     * The settings the plugin runs with for a tenant: what the tenant gave over the defaults; empty
     * when the tenant switched it off or a required setting has no value.
     */
    public Optional<PluginSettings> settingsFor(PluginKind kind, String id, TenantPlugins tenant) {
        if (tenant.isEmpty()) {
            return Optional.ofNullable(defaults.get(PluginEntry.key(kind, id))); // the common case: nothing to merge
        }
        if (!tenant.enabled(kind, id)) {
            return Optional.empty();
        }
        Map<String, String> values = tenant.values(kind, id);
        if (values.isEmpty()) {
            return Optional.ofNullable(defaults.get(PluginEntry.key(kind, id)));
        }
        List<ConfigProperty> properties = configProperties(kind, id);
        return PluginSettingsCheck.missing(properties, values).isEmpty()
                ? Optional.of(PluginSettingsCheck.effective(properties, values))
                : Optional.empty();
    }

    /** The health record of a plugin in this set. */
    public PluginHealth health(PluginKind kind, String id) {
        return entry(kind, id).health();
    }

    /** Whether the plugin is the gateway's own (built from plugins/ in its repository), not a vendor's. */
    public boolean shippedWithTheGateway(PluginKind kind, String id) {
        PluginEntry entry = entries.get(PluginEntry.key(kind, id));
        return entry != null && entry.shipped();
    }

    public List<PluginDescriptor> describe() {
        return entries.values().stream().map(PluginEntry::describe).toList();
    }

    private PluginEntry entry(PluginKind kind, String id) {
        PluginEntry entry = entries.get(PluginEntry.key(kind, id));
        if (entry == null) {
            throw new IllegalArgumentException("no " + kind + " plugin '" + id + "'");
        }
        return entry;
    }
}
