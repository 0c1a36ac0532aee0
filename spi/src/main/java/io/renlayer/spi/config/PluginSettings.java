package io.renlayer.spi.config;

import java.util.Map;
import java.util.Set;

/**
 * The values one tenant gave a plugin, checked against its {@link ConfigProperty properties}, with
 * the defaults filled in. Secrets are decrypted. Immutable; never log it whole.
 *
 * @since 1.1
 */
public final class PluginSettings {

    public static final PluginSettings NONE = new PluginSettings(Map.of());

    private final Map<String, String> values;

    private PluginSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static PluginSettings of(Map<String, String> values) {
        return values.isEmpty() ? NONE : new PluginSettings(values);
    }

    /** The value, or null when there is neither a value nor a default. */
    public String get(String name) {
        return values.get(name);
    }

    /** The value as a number, or {@code fallback} when there is none. */
    public long getLong(String name, long fallback) {
        String value = values.get(name);
        return value == null ? fallback : Long.parseLong(value);
    }

    public boolean getBoolean(String name, boolean fallback) {
        String value = values.get(name);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    public Set<String> names() {
        return values.keySet();
    }

    @Override
    public String toString() {
        return "PluginSettings" + values.keySet(); // names only: values may be secrets
    }
}
