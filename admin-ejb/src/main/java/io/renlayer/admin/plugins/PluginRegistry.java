package io.renlayer.admin.plugins;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.upstream.UpstreamProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Loads every plugin once, built-in and vendor alike, from the server's plugin library through
 * {@link ServiceLoader}. Duplicate ids fail startup: silently shadowing a provider would route
 * traffic somewhere nobody chose.
 */
@ApplicationScoped
public class PluginRegistry {

    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

    private Map<String, UpstreamProvider> upstreamProviders;

    @PostConstruct
    void load() {
        Map<String, UpstreamProvider> providers = new LinkedHashMap<>();
        // The SPI's own loader is the plugin library's: it sees every plugin jar, not the application.
        for (RenLayerPlugin plugin : ServiceLoader.load(RenLayerPlugin.class, RenLayerPlugin.class.getClassLoader())) {
            for (UpstreamProvider provider : plugin.upstreamProviders()) {
                UpstreamProvider previous = providers.putIfAbsent(provider.id(), provider);
                if (previous != null) {
                    throw new IllegalStateException("two upstream providers claim the id '" + provider.id()
                            + "': " + previous.getClass().getName() + " and " + provider.getClass().getName());
                }
                LOG.info("Registered upstream provider " + provider.id() + " " + provider.version()
                        + " from " + source(provider.getClass()));
            }
        }
        upstreamProviders = Map.copyOf(providers);
    }

    public Optional<UpstreamProvider> upstreamProvider(String id) {
        return Optional.ofNullable(upstreamProviders.get(id));
    }

    public List<String> upstreamProviderIds() {
        return upstreamProviders.keySet().stream().sorted().toList();
    }

    private static String source(Class<?> type) {
        var codeSource = type.getProtectionDomain().getCodeSource();
        if (codeSource == null || codeSource.getLocation() == null) {
            return "unknown";
        }
        String path = codeSource.getLocation().getPath();
        return path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
    }
}
