package io.renlayer.core.plugins;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.policy.PolicyAction;
import io.renlayer.spi.upstream.UpstreamProvider;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Discovery is {@link ServiceLoader}, wiring is CDI: this extension loads every
 * {@link RenLayerPlugin} from the server's plugin library once, at deployment, and registers each
 * detector, action and provider as a bean of its SPI type named by its id. The gateway then
 * obtains plugins with {@code @Inject @Any Instance<DlpDetector>}, built-in and vendor alike.
 *
 * <p>A jar that cannot be loaded, or that was built for a newer major SPI version, is skipped and
 * logged. Duplicate ids fail the deployment: silently shadowing a plugin would route traffic or
 * decide policy with code nobody chose.
 */
public class PluginDiscovery implements Extension {

    private static final Logger LOG = Logger.getLogger(PluginDiscovery.class.getName());

    private final List<PluginRecord> records = new ArrayList<>();

    /** What was registered, for the registry's listing. */
    record PluginRecord(PluginKind kind, String id, String version, String vendor, PluginJar jar, boolean shipped) {}

    /** The gateway's own plugins, built from plugins/ in its repository, and not a vendor's. */
    static boolean shippedWithTheGateway(RenLayerPlugin plugin) {
        return "RenLayer".equals(plugin.vendor())
                && plugin.getClass().getPackageName().startsWith("io.renlayer.plugins.");
    }

    void register(@Observes AfterBeanDiscovery discovery) {
        Set<String> seen = new HashSet<>();
        for (RenLayerPlugin plugin : load()) {
            PluginJar jar = PluginJar.of(plugin.getClass());
            if (!jar.compatibleWith(RenLayerPlugin.SPI_VERSION)) {
                LOG.severe("Skipped plugin " + plugin.getClass().getName() + " from " + jar.fileName()
                        + ": built for SPI " + jar.spiVersion().orElse("?") + ", which this gateway (SPI "
                        + RenLayerPlugin.SPI_VERSION + ") cannot run");
                continue;
            }
            if (jar.spiVersion().isEmpty()) {
                LOG.warning("Plugin jar " + jar.fileName() + " does not declare RenLayer-SPI-Version in its manifest");
            }
            add(
                    discovery,
                    seen,
                    PluginKind.UPSTREAM_PROVIDER,
                    UpstreamProvider.class,
                    plugin.upstreamProviders(),
                    UpstreamProvider::id,
                    UpstreamProvider::version,
                    plugin,
                    jar);
            add(
                    discovery,
                    seen,
                    PluginKind.DLP_DETECTOR,
                    DlpDetector.class,
                    plugin.dlpDetectors(),
                    DlpDetector::id,
                    DlpDetector::version,
                    plugin,
                    jar);
            add(
                    discovery,
                    seen,
                    PluginKind.POLICY_ACTION,
                    PolicyAction.class,
                    plugin.policyActions(),
                    PolicyAction::id,
                    PolicyAction::version,
                    plugin,
                    jar);
        }
    }

    List<PluginRecord> records() {
        return List.copyOf(records);
    }

    private static List<RenLayerPlugin> load() {
        // The SPI's own loader is the plugin library's: it sees every plugin jar, not the application.
        List<RenLayerPlugin> plugins = new ArrayList<>();
        var iterator = ServiceLoader.load(RenLayerPlugin.class, RenLayerPlugin.class.getClassLoader())
                .iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return plugins;
                }
                plugins.add(iterator.next());
            } catch (ServiceConfigurationError broken) {
                LOG.log(Level.SEVERE, "Skipped a plugin that cannot be loaded: " + broken.getMessage(), broken);
            }
        }
    }

    private <T> void add(
            AfterBeanDiscovery discovery,
            Set<String> seen,
            PluginKind kind,
            Class<T> type,
            List<T> contributed,
            Function<T, String> id,
            Function<T, String> version,
            RenLayerPlugin source,
            PluginJar jar) {
        String vendor = source.vendor();
        for (T plugin : contributed) {
            String pluginId = id.apply(plugin);
            if (!seen.add(kind + ":" + pluginId)) {
                discovery.addDefinitionError(new IllegalStateException("two " + kind + " plugins claim the id '"
                        + pluginId + "' (one is " + plugin.getClass().getName() + " from " + jar.fileName() + ")"));
                continue;
            }
            discovery
                    .addBean()
                    .types(type, Object.class)
                    .qualifiers(Any.Literal.INSTANCE, NamedLiteral.of(pluginId))
                    .scope(Singleton.class) // the plugin object itself: no client proxy around library code
                    .beanClass(type)
                    .createWith(context -> plugin);
            records.add(new PluginRecord(
                    kind, pluginId, version.apply(plugin), vendor, jar, shippedWithTheGateway(source)));
            LOG.info("Registered " + kind + " " + pluginId + " " + version.apply(plugin) + " by " + vendor + " from "
                    + jar.fileName());
        }
    }
}
