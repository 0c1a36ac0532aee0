package io.renlayer.core.plugins;

import io.renlayer.spi.config.ConfigProperty;
import java.util.List;

/**
 * One loaded plugin: what the listing shows, the object the gateway calls and how it has behaved.
 * It lives as long as its jar is unchanged, across reloads of the directory.
 *
 * @param shipped the gateway's own (see {@link PluginLoader#shippedWithTheGateway}), not a vendor's
 */
record PluginEntry(
        PluginKind kind,
        String id,
        String version,
        String vendor,
        PluginJar jar,
        boolean shipped,
        Object instance,
        List<ConfigProperty> configProperties,
        PluginHealth health) {

    String key() {
        return key(kind, id);
    }

    static String key(PluginKind kind, String id) {
        return kind + ":" + id;
    }

    PluginDescriptor describe() {
        return new PluginDescriptor(
                id,
                kind,
                version,
                vendor,
                jar.fileName(),
                jar.spiVersion().orElse(null),
                configProperties.stream().map(PropertyDescriptor::of).toList(),
                health.snapshot());
    }
}
