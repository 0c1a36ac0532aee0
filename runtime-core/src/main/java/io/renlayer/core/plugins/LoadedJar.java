package io.renlayer.core.plugins;

import java.util.List;

/** A plugin jar in use: the file as loaded, its own class loader and what it contributed. */
record LoadedJar(PluginFile file, PluginClassLoader loader, List<PluginEntry> entries) {}
