package io.renlayer.plugins.fake;

import io.renlayer.spi.RenLayerPlugin;

/** A vendor's plugin that happens to sit in the gateway's plugin package. */
public class BorrowedPackagePlugin implements RenLayerPlugin {
    @Override
    public String vendor() {
        return "Example Corp";
    }
}
