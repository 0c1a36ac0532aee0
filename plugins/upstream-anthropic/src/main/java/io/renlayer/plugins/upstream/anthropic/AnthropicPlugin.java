package io.renlayer.plugins.upstream.anthropic;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.upstream.UpstreamProvider;
import java.util.List;

/** Entry point of the built-in Anthropic plugin. */
public final class AnthropicPlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "RenLayer";
    }

    @Override
    public List<UpstreamProvider> upstreamProviders() {
        return List.of(new AnthropicProvider());
    }
}
