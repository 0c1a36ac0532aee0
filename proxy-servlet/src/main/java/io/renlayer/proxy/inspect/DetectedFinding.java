package io.renlayer.proxy.inspect;

import io.renlayer.spi.dlp.Finding;

/** A finding and the detector that made it. */
public record DetectedFinding(String detector, Finding finding) {}
