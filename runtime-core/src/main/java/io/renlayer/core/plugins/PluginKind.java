package io.renlayer.core.plugins;

/** The extension points a plugin can contribute to. */
public enum PluginKind {
    UPSTREAM_PROVIDER,
    DLP_DETECTOR,
    POLICY_ACTION
}
