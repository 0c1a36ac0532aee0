package io.renlayer.spi.dlp;

import io.renlayer.spi.config.PluginSettings;
import java.util.Objects;

/** What a detector is asked to scan: the text, and whose it is. Immutable. */
public final class ScanInput {

    /** Where in the exchange the text comes from. Ignore constants you do not know. */
    public enum Phase {
        REQUEST,
        RESPONSE
    }

    private final String text;
    private final String tenantId;
    private final Phase phase;
    private final PluginSettings settings;

    private ScanInput(String text, String tenantId, Phase phase, PluginSettings settings) {
        this.text = Objects.requireNonNull(text, "text is null");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId is null");
        this.phase = Objects.requireNonNull(phase, "phase is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
    }

    public static ScanInput of(String text, String tenantId, Phase phase) {
        return new ScanInput(text, tenantId, phase, PluginSettings.NONE);
    }

    /**
     * The same input with the tenant's settings for the detector that scans it.
     *
     * @since 1.1
     */
    public ScanInput withSettings(PluginSettings settings) {
        return new ScanInput(text, tenantId, phase, settings);
    }

    /** The text to scan. Never log it. */
    public String text() {
        return text;
    }

    /** The tenant the text belongs to; detectors must not carry anything from one tenant to another. */
    public String tenantId() {
        return tenantId;
    }

    public Phase phase() {
        return phase;
    }

    /**
     * The tenant's settings for this detector, defaults filled in.
     *
     * @since 1.1
     */
    public PluginSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "ScanInput[tenant=" + tenantId + ", phase=" + phase + ", length=" + text.length() + "]";
    }
}
