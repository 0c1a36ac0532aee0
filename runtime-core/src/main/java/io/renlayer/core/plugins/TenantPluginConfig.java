package io.renlayer.core.plugins;

import java.util.HashMap;
import java.util.Map;

/**
 * One tenant's configuration of one plugin, secrets decrypted: what the gateway runs it with.
 *
 * @param settings the plain values, as the API shows them
 * @param secrets the secret values; never shown, never logged
 */
public record TenantPluginConfig(
        PluginKind kind, String pluginId, boolean enabled, Map<String, String> settings, Map<String, String> secrets) {

    public TenantPluginConfig {
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
    }

    /** Every value the tenant gave, secret or not. */
    public Map<String, String> values() {
        if (secrets.isEmpty()) {
            return settings;
        }
        Map<String, String> all = new HashMap<>(settings);
        all.putAll(secrets);
        return Map.copyOf(all);
    }

    @Override
    public String toString() {
        return "TenantPluginConfig[" + kind + " " + pluginId + ", enabled=" + enabled + ", settings="
                + settings.keySet() + ", secrets=" + secrets.keySet() + "]";
    }
}
