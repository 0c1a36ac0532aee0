package io.renlayer.plugins.upstream.anthropic;

import io.renlayer.spi.tck.UpstreamProviderContract;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.util.List;

class AnthropicProviderContractTest implements UpstreamProviderContract {

    @Override
    public UpstreamProvider newProvider() {
        return new AnthropicProvider();
    }

    @Override
    public String answer() {
        return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":"
                + "\"Hi\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":7,\"output_tokens\":3}}";
    }

    @Override
    public List<String> streamedEvents() {
        return List.of(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"usage\":{\"input_tokens\":7,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":3}}",
                "{\"type\":\"message_stop\"}");
    }

    @Override
    public Usage usage() {
        return Usage.of(7, 3);
    }
}
