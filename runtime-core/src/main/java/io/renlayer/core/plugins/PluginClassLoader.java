package io.renlayer.core.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * One plugin jar's own class loader. It sees the JDK (through the platform class loader), the SPI
 * (through the SPI's loader, so that the gateway and the plugin share one {@code RenLayerPlugin})
 * and its own jar: not the gateway's classes, not the application server's, not another plugin's.
 * Two plugins may therefore bundle two versions of one library.
 */
final class PluginClassLoader extends URLClassLoader {

    private static final String SPI_PACKAGE = "io.renlayer.spi.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader spi;

    private PluginClassLoader(String name, URL jar, ClassLoader spi) {
        super(name, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        this.spi = spi;
    }

    static PluginClassLoader forJar(Path jar, ClassLoader spi) {
        try {
            return new PluginClassLoader(
                    "plugin:" + jar.getFileName(), jar.toUri().toURL(), spi);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SPI_PACKAGE)) {
            return spi.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
