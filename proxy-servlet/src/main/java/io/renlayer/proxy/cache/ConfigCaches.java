package io.renlayer.proxy.cache;

import io.renlayer.admin.plugins.PluginRegistry;
import io.renlayer.admin.policies.PolicyCompiler;
import io.renlayer.admin.policies.PolicySet;
import io.renlayer.admin.runtime.ChangeFeed;
import io.renlayer.admin.runtime.KeySnapshot;
import io.renlayer.admin.runtime.RuntimeDirectory;
import io.renlayer.admin.runtime.ServiceSnapshot;
import io.renlayer.admin.runtime.UpstreamSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The proxy's in-memory view of keys and upstreams, kept coherent by the change feed. */
@ApplicationScoped
public class ConfigCaches {

    @Inject
    private RuntimeDirectory directory;

    @Inject
    private ChangeFeed changes;

    @Inject
    private PluginRegistry plugins;

    private SnapshotCache<String, KeySnapshot> keys;
    private SnapshotCache<UUID, List<UpstreamSnapshot>> upstreams;
    private SnapshotCache<String, Set<String>> disabledRoutes;
    private SnapshotCache<UUID, List<ServiceSnapshot>> services;
    private SnapshotCache<UUID, PolicySet> policies;
    private SnapshotCache<UUID, io.renlayer.admin.dlp.TenantDlp> tenantDlp;

    @PostConstruct
    void init() {
        long absentTtl = TimeUnit.SECONDS.toNanos(30);
        keys = new SnapshotCache<>(directory::findKey, absentTtl);
        upstreams = new SnapshotCache<>(tenant -> Optional.of(directory.upstreams(tenant)), absentTtl);
        disabledRoutes = new SnapshotCache<>(all -> Optional.of(directory.disabledRoutes()), absentTtl);
        services = new SnapshotCache<>(tenant -> Optional.of(directory.services(tenant)), absentTtl);
        policies = new SnapshotCache<>(tenant -> Optional.of(
                PolicyCompiler.compileAll(directory.policies(tenant), plugins::policyAction)), absentTtl);
        tenantDlp = new SnapshotCache<>(tenant -> Optional.of(directory.tenantDlp(tenant)), absentTtl);
        changes.subscribe(this::onChange);
    }

    public Optional<KeySnapshot> key(String prefix) {
        return keys.get(prefix);
    }

    public List<UpstreamSnapshot> upstreams(UUID tenantId) {
        return upstreams.get(tenantId).orElse(List.of());
    }

    public List<ServiceSnapshot> services(UUID tenantId) {
        return services.get(tenantId).orElse(List.of());
    }

    /** The tenant's enabled policies, compiled once per change. */
    public PolicySet policies(UUID tenantId) {
        return policies.get(tenantId).orElse(PolicySet.EMPTY);
    }

    /** The tenant's DLP rules and switched-off types, compiled once per change. */
    public io.renlayer.admin.dlp.TenantDlp tenantDlp(UUID tenantId) {
        return tenantDlp.get(tenantId).orElse(io.renlayer.admin.dlp.TenantDlp.NONE);
    }

    /** True when an operator switched the route off. */
    public boolean routeDisabled(String route) {
        return disabledRoutes.get("all").orElse(Set.of()).contains(route);
    }

    void onChange(String change) {
        if (ChangeFeed.EVERYTHING.equals(change) || change.equals("routes")) {
            disabledRoutes.invalidateAll();
        }
        if (ChangeFeed.EVERYTHING.equals(change)) {
            keys.invalidateAll();
            upstreams.invalidateAll();
            services.invalidateAll();
            policies.invalidateAll();
            tenantDlp.invalidateAll();
        } else if (change.startsWith("dlp_rules:")) {
            tenantDlp.invalidate(UUID.fromString(change.substring("dlp_rules:".length())));
        } else if (change.startsWith("policies:")) {
            policies.invalidate(UUID.fromString(change.substring("policies:".length())));
        } else if (change.startsWith("api_keys:")) {
            keys.invalidate(change.substring("api_keys:".length()));
        } else if (change.startsWith("services:")) {
            services.invalidate(UUID.fromString(change.substring("services:".length())));
        } else if (change.startsWith("upstreams:")) {
            upstreams.invalidate(UUID.fromString(change.substring("upstreams:".length())));
        }
    }
}
