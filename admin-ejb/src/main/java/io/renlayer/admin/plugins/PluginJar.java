package io.renlayer.admin.plugins;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.jar.JarFile;

/** Where a plugin class came from, and the SPI version its jar declares. */
record PluginJar(String fileName, Optional<String> spiVersion) {

    static final String SPI_VERSION_ATTRIBUTE = "RenLayer-SPI-Version";

    static PluginJar of(Class<?> pluginClass) {
        CodeSource source = pluginClass.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return new PluginJar("unknown", Optional.empty());
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            if (!path.toString().endsWith(".jar")) {
                return new PluginJar(path.getFileName().toString(), Optional.empty());
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                var manifest = jar.getManifest();
                String declared = manifest == null ? null : manifest.getMainAttributes().getValue(SPI_VERSION_ATTRIBUTE);
                return new PluginJar(path.getFileName().toString(), Optional.ofNullable(declared));
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return new PluginJar(source.getLocation().toString(), Optional.empty());
        }
    }

    /** A jar built against a newer major SPI version may call what this gateway lacks. */
    boolean compatibleWith(String runtimeSpiVersion) {
        return spiVersion.map(v -> major(v) <= major(runtimeSpiVersion)).orElse(true);
    }

    private static int major(String version) {
        try {
            return Integer.parseInt(version.strip().split("\\.")[0]);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
