package io.renlayer.spi.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One setting a plugin takes, described well enough for the gateway to validate a tenant's value
 * and for the console to draw a field for it. Immutable: each {@code with…} returns a new one.
 *
 * <pre>{@code
 * ConfigProperty.of("opens", ConfigProperty.Type.INTEGER)
 *         .withLabel("Opens at (hour)")
 *         .withHelp("Hour of the day, 0-23, in the tenant's time zone")
 *         .withDefault("9")
 * }</pre>
 *
 * @since 1.1
 */
public final class ConfigProperty {

    /** What kind of value the setting holds. Ignore constants you do not know. */
    public enum Type {
        STRING,
        INTEGER,
        BOOLEAN,
        /** One of {@link ConfigProperty#options()}. */
        CHOICE
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]{0,62}");

    private final String name;
    private final Type type;
    private final String label;
    private final String help;
    private final String defaultValue;
    private final boolean required;
    private final boolean secret;
    private final List<String> options;

    private ConfigProperty(
            String name,
            Type type,
            String label,
            String help,
            String defaultValue,
            boolean required,
            boolean secret,
            List<String> options) {
        this.name = name;
        this.type = type;
        this.label = label;
        this.help = help;
        this.defaultValue = defaultValue;
        this.required = required;
        this.secret = secret;
        this.options = List.copyOf(options);
    }

    /**
     * @param name lower camel case, at most 63 characters: the key of the value in {@link PluginSettings}
     */
    public static ConfigProperty of(String name, Type type) {
        Objects.requireNonNull(name, "name is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("property name '" + name + "' is not lower camel case");
        }
        return new ConfigProperty(
                name, Objects.requireNonNull(type, "type is null"), name, "", null, false, false, List.of());
    }

    public ConfigProperty withLabel(String label) {
        return new ConfigProperty(
                name, type, Objects.requireNonNull(label), help, defaultValue, required, secret, options);
    }

    public ConfigProperty withHelp(String help) {
        return new ConfigProperty(
                name, type, label, Objects.requireNonNull(help), defaultValue, required, secret, options);
    }

    /** The value when a tenant gives none. A required property has no default. */
    public ConfigProperty withDefault(String defaultValue) {
        return new ConfigProperty(name, type, label, help, defaultValue, required, secret, options);
    }

    /** A tenant must give a value before the plugin runs for it. */
    public ConfigProperty required() {
        return new ConfigProperty(name, type, label, help, defaultValue, true, secret, options);
    }

    /** The value is a credential: stored encrypted, never shown again, never logged. */
    public ConfigProperty secret() {
        return new ConfigProperty(name, type, label, help, defaultValue, required, true, options);
    }

    /** The values a {@link Type#CHOICE} may take. */
    public ConfigProperty withOptions(List<String> options) {
        return new ConfigProperty(name, type, label, help, defaultValue, required, secret, options);
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    /** The default, or null. */
    public String defaultValue() {
        return defaultValue;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isSecret() {
        return secret;
    }

    public List<String> options() {
        return options;
    }

    /**
     * Checks one value a tenant gives.
     *
     * @return null when it is valid, else what is wrong, for the operator (never the value itself)
     */
    public String problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return required ? name + " is required" : null;
        }
        return switch (type) {
            case STRING -> value.length() > 4096 ? name + " must be at most 4096 characters" : null;
            case INTEGER -> isInteger(value) ? null : name + " must be a whole number";
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : name + " must be true or false";
            case CHOICE -> options.contains(value) ? null : name + " must be one of " + options;
        };
    }

    private static boolean isInteger(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ConfigProperty[" + name + ", " + type + (required ? ", required" : "") + (secret ? ", secret" : "")
                + "]";
    }
}
