package io.renlayer.proxy.inspect;

import io.renlayer.spi.dlp.ScanInput;

/** Runs the detectors over a text. */
@FunctionalInterface
public interface TextScanner {

    ScanResult scan(String text, String tenantId, ScanInput.Phase phase);
}
