package io.renlayer.plugins.upstream.gemini;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.upstream.UpstreamProvider;
import java.util.List;

/** The jar's entry point. */
public final class GeminiPlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "RenLayer";
    }

    @Override
    public List<UpstreamProvider> upstreamProviders() {
        return List.of(new GeminiProvider());
    }
}
