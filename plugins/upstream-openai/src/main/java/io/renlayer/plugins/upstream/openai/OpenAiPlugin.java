package io.renlayer.plugins.upstream.openai;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.upstream.UpstreamProvider;
import java.util.List;

/** Entry point of the built-in OpenAI plugin. */
public final class OpenAiPlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "RenLayer";
    }

    @Override
    public List<UpstreamProvider> upstreamProviders() {
        return List.of(new OpenAiProvider());
    }
}
