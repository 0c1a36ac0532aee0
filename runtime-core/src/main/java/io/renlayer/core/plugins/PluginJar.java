package io.renlayer.core.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;

/** Where a plugin class came from, and the SPI version its jar declares. */
record PluginJar(String fileName, Optional<String> spiVersion) {

    static final String SPI_VERSION_ATTRIBUTE = "RenLayer-SPI-Version";

    /** Reads the jar's manifest; a jar that cannot be read declares nothing. */
    static PluginJar read(Path path) {
        try (JarFile jar = new JarFile(path.toFile())) {
            var manifest = jar.getManifest();
            String declared =
                    manifest == null ? null : manifest.getMainAttributes().getValue(SPI_VERSION_ATTRIBUTE);
            return new PluginJar(path.getFileName().toString(), Optional.ofNullable(declared));
        } catch (IOException e) {
            return new PluginJar(path.getFileName().toString(), Optional.empty());
        }
    }

    /**
     * Semantic versioning: a plugin built against {@code M.m} runs on {@code M.n} for every
     * {@code n >= m}. A newer minor may call what this gateway lacks; another major may have lost
     * or changed what the plugin calls.
     */
    boolean compatibleWith(String runtimeSpiVersion) {
        if (spiVersion.isEmpty()) {
            return true;
        }
        int[] plugin = parse(spiVersion.get());
        int[] runtime = parse(runtimeSpiVersion);
        return plugin != null && runtime != null && plugin[0] == runtime[0] && plugin[1] <= runtime[1];
    }

    private static int[] parse(String version) {
        String[] parts = version.strip().split("\\.");
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
