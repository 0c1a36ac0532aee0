package io.renlayer.plugins.upstream.mcp;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.util.List;
import java.util.Map;

/**
 * MCP servers over the Streamable HTTP transport. The upstream's base URL is the server's MCP
 * endpoint; the gateway's credential goes in as a Bearer token. MCP reports no token usage.
 */
public final class McpPlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "RenLayer";
    }

    @Override
    public List<UpstreamProvider> upstreamProviders() {
        return List.of(new UpstreamProvider() {
            @Override
            public String id() {
                return "mcp";
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public Map<String, String> credentialHeaders(String credential) {
                return Map.of("Authorization", "Bearer " + credential);
            }

            @Override
            public Usage usageFromBody(byte[] body) {
                return Usage.UNKNOWN;
            }

            @Override
            public Usage usageFromEvent(String data) {
                return Usage.UNKNOWN;
            }
        });
    }
}
