package io.renlayer.core.plugins;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.spi.config.ConfigProperty;
import io.renlayer.spi.config.PluginSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plugin's settings against its properties: what a tenant may give it, and what it runs with. */
public final class PluginSettingsCheck {

    private PluginSettingsCheck() {}

    /**
     * Refuses values the plugin does not take: an unknown name, or a value its property rejects.
     *
     * @throws InvalidRequestException naming the field {@code settings.<name>}
     */
    public static void validate(List<ConfigProperty> properties, Map<String, String> submitted) {
        Map<String, ConfigProperty> byName = byName(properties);
        for (Map.Entry<String, String> value : submitted.entrySet()) {
            ConfigProperty property = byName.get(value.getKey());
            String field = "settings." + value.getKey();
            if (property == null) {
                throw new InvalidRequestException(
                        field, "this plugin takes no setting '" + value.getKey() + "'; it takes " + byName.keySet());
            }
            String problem = property.problemWith(value.getValue());
            if (problem != null
                    && !(value.getValue() == null || value.getValue().isEmpty())) {
                throw new InvalidRequestException(field, problem);
            }
        }
    }

    /** The required properties that have neither a value nor a default. */
    public static List<String> missing(List<ConfigProperty> properties, Map<String, String> values) {
        List<String> missing = new ArrayList<>();
        for (ConfigProperty property : properties) {
            String value = values.get(property.name());
            boolean empty = value == null || value.isEmpty();
            if (property.isRequired() && empty && property.defaultValue() == null) {
                missing.add(property.name());
            }
        }
        return missing;
    }

    /** The values the plugin runs with: the tenant's over the defaults, for the properties it declares. */
    public static PluginSettings effective(List<ConfigProperty> properties, Map<String, String> values) {
        if (properties.isEmpty()) {
            return PluginSettings.NONE;
        }
        Map<String, String> effective = new HashMap<>();
        for (ConfigProperty property : properties) {
            String value = values.get(property.name());
            if (value != null && !value.isEmpty()) {
                effective.put(property.name(), value);
            } else if (property.defaultValue() != null) {
                effective.put(property.name(), property.defaultValue());
            }
        }
        return PluginSettings.of(effective);
    }

    private static Map<String, ConfigProperty> byName(List<ConfigProperty> properties) {
        Map<String, ConfigProperty> byName = new LinkedHashMap<>();
        properties.forEach(p -> byName.put(p.name(), p));
        return byName;
    }
}
