package io.renlayer.core.plugins;

/** One loaded plugin as the API lists it. */
public record PluginDescriptor(
        String id,
        PluginKind kind,
        String version,
        String vendor,
        String sourceJar,
        String spiVersion,
        PluginHealth.Snapshot health) {}
