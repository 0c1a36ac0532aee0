package io.renlayer.proxy.stage;

import io.renlayer.core.runtime.ServiceSnapshot;
import io.renlayer.core.runtime.UpstreamSnapshot;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import io.renlayer.proxy.route.ServiceDialect;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Finds the tenant's registered service the path names (the address's target) and holds the call to its methods. */
public final class ResolveServiceStage implements Stage {

    private final Function<UUID, List<ServiceSnapshot>> servicesOfTenant;

    public ResolveServiceStage(Function<UUID, List<ServiceSnapshot>> servicesOfTenant) {
        this.servicesOfTenant = servicesOfTenant;
    }

    @Override
    public StageResult apply(Exchange exchange) {
        String serviceName = exchange.address().target();
        ServiceSnapshot service = servicesOfTenant.apply(exchange.key().tenantId()).stream()
                .filter(s -> s.name().equals(serviceName))
                .findFirst()
                .orElse(null);
        if (service == null) {
            return StageResult.reject(ProxyError.unknownService(serviceName));
        }
        if (!service.allowedMethods().contains(exchange.method())) {
            return StageResult.reject(ProxyError.serviceMethodNotAllowed(exchange.method(), service.allowedMethods()));
        }
        exchange.routeTo(
                new UpstreamSnapshot(
                        service.id(),
                        service.tenantId(),
                        service.name(),
                        "service",
                        service.baseUrl(),
                        service.credential(),
                        List.of("*"),
                        UpstreamSnapshot.Resilience.DEFAULTS,
                        Map.of()),
                new ServiceDialect(service.authHeader(), service.authScheme()));
        return StageResult.proceed();
    }
}
