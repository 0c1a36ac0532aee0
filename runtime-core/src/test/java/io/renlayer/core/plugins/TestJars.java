package io.renlayer.core.plugins;

import io.renlayer.spi.RenLayerPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs compiled test classes into a plugin jar, as a vendor's build would. */
final class TestJars {

    private TestJars() {}

    /**
     * @param spiVersion the manifest's RenLayer-SPI-Version, or null for none
     * @param entryPoint the RenLayerPlugin named in META-INF/services, or null for none
     * @param classes every class the jar holds, nested ones included
     */
    static Path write(Path jar, String spiVersion, Class<?> entryPoint, Class<?>... classes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (spiVersion != null) {
            manifest.getMainAttributes().putValue("RenLayer-SPI-Version", spiVersion);
        }
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> type : classes) {
                String path = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(path));
                try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(out);
                }
            }
            if (entryPoint != null) {
                out.putNextEntry(new JarEntry("META-INF/services/" + RenLayerPlugin.class.getName()));
                out.write(entryPoint.getName().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }
}
