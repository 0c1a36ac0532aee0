package io.renlayer.spi;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.policy.PolicyAction;
import io.renlayer.spi.upstream.UpstreamProvider;
import java.util.List;

/**
 * The one entry point of a plugin jar, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.renlayer.spi.RenLayerPlugin}.
 *
 * <p>Every method has a default, so a plugin implements only the kinds it ships and keeps loading
 * when later SPI versions add new kinds.
 *
 * <h2>Compatibility</h2>
 * The SPI follows semantic versioning. A plugin built against {@code 1.x} loads on every
 * {@code 1.y} with {@code y >= x}: minor versions only add (new default methods, new types);
 * removals wait for {@code 2.0}. Types marked {@link Experimental} are exempt. A plugin jar declares
 * the version it was built against in its manifest ({@code RenLayer-SPI-Version: 1.0}); the gateway
 * refuses a jar built for another major or a newer minor, and says so in its log and its plugin
 * listing. A binary compatibility check against the released 1.0 jar runs in the SPI's build.
 *
 * <p>1.1 added: configuration properties on every kind ({@code configProperties()}), settings in
 * {@link io.renlayer.spi.dlp.ScanInput}, upstream settings in {@code UpstreamProvider.prepare} and
 * {@code invalidSettings}.
 */
public interface RenLayerPlugin {

    /** Version of this contract. */
    String SPI_VERSION = "1.1";

    /** Who ships the plugin, shown in the plugin listing. */
    default String vendor() {
        return "unknown";
    }

    /** Upstream providers (wire dialects) this plugin contributes. */
    default List<UpstreamProvider> upstreamProviders() {
        return List.of();
    }

    /** Content detectors this plugin contributes. */
    default List<DlpDetector> dlpDetectors() {
        return List.of();
    }

    /** Policy actions this plugin contributes. */
    default List<PolicyAction> policyActions() {
        return List.of();
    }
}
