package io.renlayer.plugins.dlp;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.dlp.DlpDetector;
import java.util.List;

/** The gateway's own detectors, shipped as a plugin like any vendor's. See docs/dlp.md for the catalog. */
public final class BuiltInDlpPlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "RenLayer";
    }

    @Override
    public List<DlpDetector> dlpDetectors() {
        return List.of(new PiiDetector(), new SecretsDetector(), new SourceCodeDetector());
    }
}
