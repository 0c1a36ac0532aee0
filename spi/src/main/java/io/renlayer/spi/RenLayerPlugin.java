package io.renlayer.spi;

import io.renlayer.spi.upstream.UpstreamProvider;
import java.util.List;

/**
 * The one entry point of a plugin jar, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.renlayer.spi.RenLayerPlugin}.
 *
 * <p>Every method has a default returning an empty list, so a plugin implements only the kinds it
 * ships and keeps loading when later SPI versions add new kinds.
 */
public interface RenLayerPlugin {

    /** Version of this contract; a plugin built against 1.x loads on any 1.y. */
    String SPI_VERSION = "1.0";

    /** Upstream providers (wire dialects) this plugin contributes. */
    default List<UpstreamProvider> upstreamProviders() {
        return List.of();
    }
}
