package io.renlayer.proxy.stage;

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

/** Picks the tenant's first upstream that speaks this route's dialect and serves the requested model. */
public final class ResolveUpstreamStage implements Stage {

    private final String dialect;
    private final Function<UUID, List<UpstreamSnapshot>> upstreamsOfTenant;
    private final Function<String, Optional<UpstreamProvider>> providers;

    public ResolveUpstreamStage(
            String dialect,
            Function<UUID, List<UpstreamSnapshot>> upstreamsOfTenant,
            Function<String, Optional<UpstreamProvider>> providers) {
        this.dialect = dialect;
        this.upstreamsOfTenant = upstreamsOfTenant;
        this.providers = providers;
    }

    @Override
    public StageResult apply(Exchange exchange) {
        String model = exchange.model();
        for (UpstreamSnapshot upstream : upstreamsOfTenant.apply(exchange.key().tenantId())) {
            if (upstream.provider().equals(dialect) && upstream.serves(model)) {
                Optional<UpstreamProvider> provider = providers.apply(upstream.provider());
                if (provider.isPresent()) {
                    exchange.routeTo(upstream, provider.get());
                    return StageResult.proceed();
                }
            }
        }
        return StageResult.reject(ProxyError.modelNotFound(model));
    }
}
