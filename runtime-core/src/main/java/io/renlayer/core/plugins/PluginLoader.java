package io.renlayer.core.plugins;

import io.renlayer.spi.RenLayerPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the plugins directory into a {@link PluginSet}: every {@code *.jar} gets a class loader of
 * its own ({@link PluginClassLoader}) and its {@link RenLayerPlugin} entry points are found with
 * {@link ServiceLoader}. A jar unchanged since the last read keeps its loader, its plugin objects
 * and their health.
 *
 * <p>A jar is taken whole or refused whole, with the reason in the listing: built for an SPI this
 * gateway cannot serve, failing to load, a malformed id, or an id another jar already has. The jar
 * that had the id first keeps it: silently replacing a plugin would route traffic or decide policy
 * with code nobody chose.
 */
final class PluginLoader {

    private static final Logger LOG = Logger.getLogger(PluginLoader.class.getName());
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Path directory;
    private final ClassLoader spi;
    private final Duration budget;

    PluginLoader(Path directory, ClassLoader spi, Duration budget) {
        this.directory = directory;
        this.spi = spi;
        this.budget = budget;
    }

    /** The gateway's own plugins, built from plugins/ in its repository, and not a vendor's. */
    static boolean shippedWithTheGateway(RenLayerPlugin plugin) {
        return "RenLayer".equals(plugin.vendor())
                && plugin.getClass().getPackageName().startsWith("io.renlayer.plugins.");
    }

    /** The set as the directory now holds it; {@code previous} itself when nothing changed. */
    PluginSet load(PluginSet previous) {
        List<PluginFile> listing = listing();
        if (listing.equals(previous.listing())) {
            return previous;
        }
        Set<PluginFile> present = new HashSet<>(listing);
        List<LoadedJar> jars = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        Set<PluginFile> kept = new HashSet<>();
        for (LoadedJar jar : previous.jars()) {
            if (present.contains(jar.file())) {
                jars.add(jar);
                kept.add(jar.file());
                jar.entries().forEach(e -> taken.add(e.key()));
            }
        }
        List<RefusedJar> refused = new ArrayList<>();
        for (PluginFile file : listing) {
            if (kept.contains(file)) {
                continue;
            }
            try {
                LoadedJar jar = load(file, taken);
                jars.add(jar);
                jar.entries().forEach(e -> taken.add(e.key()));
            } catch (RefusedException e) {
                LOG.severe("Refused plugin jar " + file.name() + ": " + e.getMessage());
                refused.add(new RefusedJar(file.name(), e.spiVersion, e.getMessage()));
            }
        }
        return new PluginSet(listing, jars, refused, budget);
    }

    private List<PluginFile> listing() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<PluginFile> listing = new ArrayList<>();
            for (Path path : files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList()) {
                try {
                    listing.add(PluginFile.of(path));
                } catch (IOException vanished) {
                    // removed between the listing and the read: it is not there
                }
            }
            return listing;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot list the plugins directory " + directory, e);
            return List.of();
        }
    }

    private LoadedJar load(PluginFile file, Set<String> taken) throws RefusedException {
        PluginJar jar = PluginJar.read(file.path());
        String declared = jar.spiVersion().orElse(null);
        if (!jar.compatibleWith(RenLayerPlugin.SPI_VERSION)) {
            throw new RefusedException(
                    declared,
                    "built for SPI " + declared + ", which this gateway (SPI " + RenLayerPlugin.SPI_VERSION
                            + ") cannot run");
        }
        PluginClassLoader loader = PluginClassLoader.forJar(file.path(), spi);
        try {
            List<PluginEntry> entries = new ArrayList<>();
            Set<String> mine = new HashSet<>();
            int entryPoints = 0;
            for (RenLayerPlugin plugin : ServiceLoader.load(RenLayerPlugin.class, loader)) {
                entryPoints++;
                boolean shipped = shippedWithTheGateway(plugin);
                entries.addAll(PluginEntries.of(plugin, jar, shipped));
            }
            if (entryPoints == 0) {
                throw new RefusedException(declared, "no META-INF/services/" + RenLayerPlugin.class.getName());
            }
            for (PluginEntry entry : entries) {
                if (!ID.matcher(entry.id()).matches()) {
                    throw new RefusedException(
                            declared,
                            entry.kind() + " id '" + entry.id() + "' is not lowercase words joined by dashes");
                }
                if (taken.contains(entry.key()) || !mine.add(entry.key())) {
                    throw new RefusedException(
                            declared, "another plugin already has the " + entry.kind() + " id '" + entry.id() + "'");
                }
            }
            if (declared == null) {
                LOG.warning("Plugin jar " + file.name() + " does not declare RenLayer-SPI-Version in its manifest");
            }
            for (PluginEntry entry : entries) {
                LOG.info("Registered " + entry.kind() + " " + entry.id() + " " + entry.version() + " by "
                        + entry.vendor() + " from " + file.name());
            }
            return new LoadedJar(file, loader, List.copyOf(entries));
        } catch (RefusedException e) {
            close(loader);
            throw e;
        } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
            close(loader);
            String why = String.valueOf(e);
            throw new RefusedException(
                    declared, "cannot be loaded: " + (why.length() > 300 ? why.substring(0, 300) + "…" : why));
        }
    }

    static void close(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a plugin class loader", e);
        }
    }

    /** Why a jar is not run. */
    static final class RefusedException extends Exception {
        final transient String spiVersion;

        RefusedException(String spiVersion, String reason) {
            super(reason, null, false, false);
            this.spiVersion = spiVersion;
        }
    }
}
