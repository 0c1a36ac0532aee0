package io.renlayer.plugins.upstream.gemini;

import io.renlayer.spi.tck.UpstreamProviderContract;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.util.List;

class GeminiProviderContractTest implements UpstreamProviderContract {

    @Override
    public UpstreamProvider newProvider() {
        return new GeminiProvider();
    }

    @Override
    public String answer() {
        return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],\"role\":\"model\"},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":7,\"candidatesTokenCount\":3,\"totalTokenCount\":10}}";
    }

    @Override
    public List<String> streamedEvents() {
        return List.of(
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"H\"}]}}],\"usageMetadata\":{\"promptTokenCount\":7,"
                        + "\"candidatesTokenCount\":1,\"totalTokenCount\":8}}",
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"i\"}]},\"finishReason\":\"STOP\"}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":7,\"candidatesTokenCount\":3,\"totalTokenCount\":10}}");
    }

    @Override
    public Usage usage() {
        return Usage.of(7, 3);
    }

    @Override
    public String request() {
        return "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + PROMPT_MARK + "\"}]}]}";
    }
}
