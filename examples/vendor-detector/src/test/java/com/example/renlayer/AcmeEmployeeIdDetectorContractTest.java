package com.example.renlayer;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.tck.DlpDetectorContract;
import java.util.List;

/** The RenLayer test kit checks the detector against the SPI contract. */
class AcmeEmployeeIdDetectorContractTest implements DlpDetectorContract {

    @Override
    public DlpDetector newDetector() {
        return new AcmeEmployeeIdDetector();
    }

    @Override
    public List<String> positiveSamples() {
        return List.of("badge ACME-123456 at the gate", "ACME-000001", "ids ACME-111111, ACME-222222.");
    }
}
