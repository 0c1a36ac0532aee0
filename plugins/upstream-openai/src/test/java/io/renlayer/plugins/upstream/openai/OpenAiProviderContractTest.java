package io.renlayer.plugins.upstream.openai;

import io.renlayer.spi.tck.UpstreamProviderContract;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.util.List;

class OpenAiProviderContractTest implements UpstreamProviderContract {

    @Override
    public UpstreamProvider newProvider() {
        return new OpenAiProvider();
    }

    @Override
    public String answer() {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}}";
    }

    @Override
    public List<String> streamedEvents() {
        return List.of(
                "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}",
                "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}}",
                "[DONE]");
    }

    @Override
    public Usage usage() {
        return Usage.of(7, 3);
    }
}
