package io.renlayer.core.plugins;

import java.util.List;

/**
 * One loaded plugin as the API lists it.
 *
 * @param configProperties what a tenant can configure it with, for validation and the console's form
 */
public record PluginDescriptor(
        String id,
        PluginKind kind,
        String version,
        String vendor,
        String sourceJar,
        String spiVersion,
        List<PropertyDescriptor> configProperties,
        PluginHealth.Snapshot health) {}
