package io.renlayer.plugins.policy;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.tck.PluginContract;

class BuiltinPolicyPluginContractTest implements PluginContract {
    @Override
    public Class<? extends RenLayerPlugin> pluginClass() {
        return BuiltinPolicyPlugin.class;
    }
}
