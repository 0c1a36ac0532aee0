package io.renlayer.core.plugins;

import io.renlayer.spi.config.ConfigProperty;
import java.util.List;

/** A plugin's configuration property as the API shows it (a secret's default is never shown). */
public record PropertyDescriptor(
        String name,
        String type,
        String label,
        String help,
        String defaultValue,
        boolean required,
        boolean secret,
        List<String> options) {

    static PropertyDescriptor of(ConfigProperty property) {
        return new PropertyDescriptor(
                property.name(),
                property.type().name(),
                property.label(),
                property.help(),
                property.isSecret() ? null : property.defaultValue(),
                property.isRequired(),
                property.isSecret(),
                property.options());
    }
}
