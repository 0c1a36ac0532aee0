package com.example.renlayer;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.tck.PluginContract;

/** The RenLayer test kit checks that the gateway will find the plugin and accept its ids. */
class AcmePluginContractTest implements PluginContract {

    @Override
    public Class<? extends RenLayerPlugin> pluginClass() {
        return AcmePlugin.class;
    }
}
