package io.renlayer.proxy.inspect;

import io.renlayer.spi.dlp.Finding;

/** A finding and the detector that made it. */
public record DetectedFinding(String detector, Finding finding, String redaction) {

    /** How the finding's text is replaced: {@code token} ({@code [REDACTED:TYPE]}), {@code mask} or {@code hash}. */
    public DetectedFinding(String detector, Finding finding) {
        this(detector, finding, "token");
    }
}
