package io.renlayer.core.plugins;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one tenant configured about its plugins. A plugin the tenant never configured runs
 * for it with its defaults, unless it has a required setting without one.
 */
public final class TenantPlugins {

    public static final TenantPlugins NONE = new TenantPlugins(List.of());

    private final Map<String, TenantPluginConfig> configs = new HashMap<>();

    public TenantPlugins(List<TenantPluginConfig> configs) {
        for (TenantPluginConfig config : configs) {
            this.configs.put(PluginEntry.key(config.kind(), config.pluginId()), config);
        }
    }

    public Optional<TenantPluginConfig> config(PluginKind kind, String pluginId) {
        return Optional.ofNullable(configs.get(PluginEntry.key(kind, pluginId)));
    }

    /** False only when the tenant switched the plugin off. */
    public boolean enabled(PluginKind kind, String pluginId) {
        TenantPluginConfig config = configs.get(PluginEntry.key(kind, pluginId));
        return config == null || config.enabled();
    }

    /** The values the tenant gave the plugin, secret or not; empty when it gave none. */
    public Map<String, String> values(PluginKind kind, String pluginId) {
        TenantPluginConfig config = configs.get(PluginEntry.key(kind, pluginId));
        return config == null ? Map.of() : config.values();
    }

    public boolean isEmpty() {
        return configs.isEmpty();
    }

    public List<TenantPluginConfig> all() {
        return List.copyOf(configs.values());
    }
}
