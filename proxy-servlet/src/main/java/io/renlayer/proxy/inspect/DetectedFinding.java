package io.renlayer.proxy.inspect;

import io.renlayer.spi.dlp.Finding;

/**
 * A finding and the detector that made it; how its text is replaced: {@code token}
 * ({@code [REDACTED:TYPE]}), {@code mask}, or {@code hash} with the tenant's {@code hashKey}.
 */
public record DetectedFinding(String detector, Finding finding, String redaction, RedactionKey hashKey) {

    public DetectedFinding(String detector, Finding finding) {
        this(detector, finding, "token", null);
    }

    public DetectedFinding(String detector, Finding finding, String redaction) {
        this(detector, finding, redaction, null);
    }
}
