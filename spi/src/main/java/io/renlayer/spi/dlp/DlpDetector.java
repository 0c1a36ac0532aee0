package io.renlayer.spi.dlp;

import io.renlayer.spi.config.ConfigProperty;
import java.util.List;

/**
 * Finds sensitive content in text: personal data, secrets, code, tenant-specific patterns.
 *
 * <p>Detectors are pure: they return spans and the gateway decides what to do with them (flag,
 * redact, deny). They must be thread safe, keep no state between calls (least of all between
 * tenants), and return quickly: the gateway runs each scan under a time budget and treats a
 * detector that throws or overruns as failed, applying the tenant's fail mode.
 */
public interface DlpDetector {

    /** Stable id, lowercase and dash separated (e.g. {@code "acme-employee-id"}); unique among detectors. */
    String id();

    /** Version of the implementation, for the plugin listing. */
    String version();

    /**
     * The settings a tenant may give this detector (its {@link ScanInput#settings()}).
     *
     * @since 1.1
     */
    default List<ConfigProperty> configProperties() {
        return List.of();
    }

    /**
     * Scans the text.
     *
     * @return the findings, each within {@code [0, input.text().length()]}; never null
     */
    List<Finding> scan(ScanInput input);
}
