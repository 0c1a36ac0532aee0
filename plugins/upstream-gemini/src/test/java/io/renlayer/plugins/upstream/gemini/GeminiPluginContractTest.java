package io.renlayer.plugins.upstream.gemini;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.tck.PluginContract;

class GeminiPluginContractTest implements PluginContract {
    @Override
    public Class<? extends RenLayerPlugin> pluginClass() {
        return GeminiPlugin.class;
    }
}
