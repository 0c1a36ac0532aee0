package io.renlayer.core.plugins;

import java.util.Optional;

/** The extension points a plugin can contribute to. */
public enum PluginKind {
    UPSTREAM_PROVIDER("providers"),
    DLP_DETECTOR("detectors"),
    POLICY_ACTION("actions");

    private final String path;

    PluginKind(String path) {
        this.path = path;
    }

    /** The kind's segment in the API's paths: {@code /tenants/{id}/plugins/{path}/{pluginId}}. */
    public String path() {
        return path;
    }

    public static Optional<PluginKind> ofPath(String path) {
        for (PluginKind kind : values()) {
            if (kind.path.equals(path)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
