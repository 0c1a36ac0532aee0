package io.renlayer.core.plugins;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.upstream.UpstreamProvider;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The gateway's plugins: the {@link PluginSet} read from the plugins directory at start and again
 * whenever a jar is added, replaced or removed there (the directory is looked at every
 * {@code RENLAYER_PLUGINS_POLL_MS}, 2 s by default; 0 reads it at start only). Calls in flight
 * finish on the set they started with; a removed jar's class loader is closed only once they are
 * long over.
 */
@ApplicationScoped
public class PluginRegistry {

    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());
    /** How long a retired jar's classes stay loadable for calls that started before it went. */
    private static final Duration RETIREMENT = Duration.ofMinutes(5);

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private PluginLoader loader;
    private volatile PluginSet current = PluginSet.EMPTY;
    private final List<Consumer<PluginSet>> listeners = new CopyOnWriteArrayList<>();
    private final List<Retired> retired = new ArrayList<>();
    private ScheduledFuture<?> polling;
    private Duration budget;

    private record Retired(PluginClassLoader loader, Instant at) {}

    @PostConstruct
    void start() {
        var config = ConfigProvider.getConfig();
        budget = Duration.ofMillis(config.getOptionalValue("RENLAYER_PLUGIN_BUDGET_MS", Long.class)
                .orElse(PluginSet.DEFAULT_BUDGET.toMillis()));
        Path directory = Path.of(
                config.getOptionalValue("RENLAYER_PLUGINS_DIR", String.class).orElse("plugins"));
        loader = new PluginLoader(directory, RenLayerPlugin.class.getClassLoader(), budget);
        reload();
        long pollMs =
                config.getOptionalValue("RENLAYER_PLUGINS_POLL_MS", Long.class).orElse(2000L);
        if (pollMs > 0 && scheduler != null) {
            polling = scheduler.scheduleWithFixedDelay(this::reloadQuietly, pollMs, pollMs, TimeUnit.MILLISECONDS);
        }
    }

    /** Reads the set at deployment, not at the first call that needs a plugin. */
    void eager(@Observes @Initialized(ApplicationScoped.class) Object started) {
        current();
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** How long one call into a vendor's plugin may take ({@code RENLAYER_PLUGIN_BUDGET_MS}, 100 ms). */
    public Duration budget() {
        return budget;
    }

    /** The plugins in use now; a call reads this once and keeps it. */
    public PluginSet current() {
        return current;
    }

    /** Called with the new set after every change of the directory. */
    public void onChange(Consumer<PluginSet> listener) {
        listeners.add(listener);
    }

    /** Reads the directory now. */
    public synchronized void reload() {
        PluginSet before = current;
        PluginSet after = loader.load(before);
        if (after == before) {
            closeRetired();
            return;
        }
        current = after;
        Set<PluginClassLoader> inUse = new HashSet<>();
        after.jars().forEach(j -> inUse.add(j.loader()));
        for (LoadedJar gone : before.jars()) {
            if (!inUse.contains(gone.loader())) {
                retired.add(new Retired(gone.loader(), Instant.now()));
                LOG.info("Retired plugin jar " + gone.file().name());
            }
        }
        closeRetired();
        for (Consumer<PluginSet> listener : listeners) {
            listener.accept(after);
        }
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading the plugins directory failed; the plugins in use stay", e);
        }
    }

    private void closeRetired() {
        Instant cutoff = Instant.now().minus(RETIREMENT);
        retired.removeIf(r -> {
            if (r.at().isBefore(cutoff)) {
                PluginLoader.close(r.loader());
                return true;
            }
            return false;
        });
    }

    public Optional<UpstreamProvider> upstreamProvider(String id) {
        return current.upstreamProvider(id);
    }

    public List<String> upstreamProviderIds() {
        return current.upstreamProviderIds();
    }

    public List<PluginDescriptor> describe() {
        return current.describe();
    }
}
