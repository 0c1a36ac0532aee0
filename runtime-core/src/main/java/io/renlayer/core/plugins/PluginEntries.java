package io.renlayer.core.plugins;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.config.ConfigProperty;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.policy.PolicyAction;
import io.renlayer.spi.upstream.UpstreamProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What one entry point contributes, kind by kind, as entries of the plugin set. */
final class PluginEntries {

    private PluginEntries() {}

    static List<PluginEntry> of(RenLayerPlugin plugin, PluginJar jar, boolean shipped) {
        String vendor = plugin.vendor();
        List<PluginEntry> entries = new ArrayList<>();
        for (UpstreamProvider p : plugin.upstreamProviders()) {
            entries.add(entry(
                    PluginKind.UPSTREAM_PROVIDER, p.id(), p.version(), vendor, jar, shipped, p, p.configProperties()));
        }
        for (DlpDetector d : plugin.dlpDetectors()) {
            entries.add(
                    entry(PluginKind.DLP_DETECTOR, d.id(), d.version(), vendor, jar, shipped, d, d.configProperties()));
        }
        for (PolicyAction a : plugin.policyActions()) {
            entries.add(entry(
                    PluginKind.POLICY_ACTION, a.id(), a.version(), vendor, jar, shipped, a, a.configProperties()));
        }
        return entries;
    }

    private static PluginEntry entry(
            PluginKind kind,
            String id,
            String version,
            String vendor,
            PluginJar jar,
            boolean shipped,
            Object instance,
            List<ConfigProperty> properties) {
        return new PluginEntry(
                kind,
                String.valueOf(id),
                version,
                vendor,
                jar,
                shipped,
                instance,
                List.copyOf(Optional.ofNullable(properties).orElse(List.of())),
                new PluginHealth());
    }
}
