package io.renlayer.proxy.mcp;

import io.renlayer.core.runtime.UpstreamSnapshot;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import io.renlayer.spi.upstream.UpstreamProvider;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Finds the tenant's MCP upstream the path names (the address's target). */
public final class ResolveMcpUpstreamStage implements Stage {

    public static final String PROVIDER = "mcp";

    private final Function<UUID, List<UpstreamSnapshot>> upstreamsOfTenant;
    private final Function<String, Optional<UpstreamProvider>> providers;

    public ResolveMcpUpstreamStage(
            Function<UUID, List<UpstreamSnapshot>> upstreamsOfTenant,
            Function<String, Optional<UpstreamProvider>> providers) {
        this.upstreamsOfTenant = upstreamsOfTenant;
        this.providers = providers;
    }

    @Override
    public StageResult apply(Exchange exchange) {
        String name = exchange.address().target();
        Optional<UpstreamProvider> provider = providers.apply(PROVIDER);
        for (UpstreamSnapshot upstream : upstreamsOfTenant.apply(exchange.key().tenantId())) {
            if (upstream.provider().equals(PROVIDER) && upstream.name().equals(name) && provider.isPresent()) {
                exchange.routeTo(upstream, provider.get());
                return StageResult.proceed();
            }
        }
        return StageResult.reject(ProxyError.unknownMcpServer(name));
    }
}
