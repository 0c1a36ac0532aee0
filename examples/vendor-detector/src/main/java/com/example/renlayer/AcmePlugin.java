package com.example.renlayer;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.dlp.DlpDetector;
import java.util.List;

/** The plugin's entry point: what it contributes to the gateway. */
public final class AcmePlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "Example Corp";
    }

    @Override
    public List<DlpDetector> dlpDetectors() {
        return List.of(new AcmeEmployeeIdDetector());
    }
}
