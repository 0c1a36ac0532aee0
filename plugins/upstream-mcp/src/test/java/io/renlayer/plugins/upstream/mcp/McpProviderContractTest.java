package io.renlayer.plugins.upstream.mcp;

import io.renlayer.spi.tck.UpstreamProviderContract;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.util.List;

/** MCP servers report no token usage: the contract holds them to reading none, and never throwing. */
class McpProviderContractTest implements UpstreamProviderContract {

    @Override
    public UpstreamProvider newProvider() {
        return new McpPlugin().upstreamProviders().getFirst();
    }

    @Override
    public String answer() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}}";
    }

    @Override
    public List<String> streamedEvents() {
        return List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[]}}");
    }

    @Override
    public Usage usage() {
        return Usage.UNKNOWN;
    }
}
