package io.renlayer.plugins.fake;

import io.renlayer.spi.RenLayerPlugin;

/** Shaped like the gateway's own plugins: their package and vendor. */
public class OwnPlugin implements RenLayerPlugin {
    @Override
    public String vendor() {
        return "RenLayer";
    }
}
