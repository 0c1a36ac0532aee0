/** Plugins PluginLoaderTest packs into jars of their own. */
package io.renlayer.core.plugins.jars;
