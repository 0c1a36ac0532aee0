package io.renlayer.core.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A jar in the plugins directory as last seen: a jar whose size or time changed is loaded again. */
record PluginFile(Path path, long size, long modified) {

    static PluginFile of(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new PluginFile(
                path, attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    String name() {
        return path.getFileName().toString();
    }
}
