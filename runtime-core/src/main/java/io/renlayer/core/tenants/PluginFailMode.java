package io.renlayer.core.tenants;

import io.renlayer.core.errors.InvalidRequestException;
import java.util.Locale;

/** What a tenant wants when a content inspection plugin fails on one of its calls. */
public enum PluginFailMode {
    /** Forward without that plugin's verdict; the trace records the failure. */
    SKIP,
    /** Refuse the call: nothing leaves uninspected. */
    DENY;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PluginFailMode ofColumn(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }

    /** Parses API input; absent means {@link #SKIP}. */
    public static PluginFailMode parse(String value) {
        if (value == null) {
            return SKIP;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("pluginFailMode", "pluginFailMode must be 'skip' or 'deny'");
        }
    }
}
