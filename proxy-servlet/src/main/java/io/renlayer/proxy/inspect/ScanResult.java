package io.renlayer.proxy.inspect;

import java.util.List;

/** What the detectors found in one text, and which detectors failed to say. */
public record ScanResult(List<DetectedFinding> findings, List<String> failedDetectors) {

    public static final ScanResult NOTHING = new ScanResult(List.of(), List.of());

    public boolean anyFailed() {
        return !failedDetectors.isEmpty();
    }
}
