package io.renlayer.proxy.cache;

import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.dlp.TenantDlp;
import io.renlayer.core.identity.AccessTokenVerifier;
import io.renlayer.core.identity.GuardedRetriever;
import io.renlayer.core.net.OutboundAddresses;
import io.renlayer.core.plugins.PluginRegistry;
import io.renlayer.core.plugins.TenantPlugins;
import io.renlayer.core.policies.PolicyActions;
import io.renlayer.core.policies.PolicyCompiler;
import io.renlayer.core.policies.PolicySet;
import io.renlayer.core.runtime.Change;
import io.renlayer.core.runtime.ChangeFeed;
import io.renlayer.core.runtime.KeySnapshot;
import io.renlayer.core.runtime.OAuthClientId;
import io.renlayer.core.runtime.RuntimeDirectory;
import io.renlayer.core.runtime.ServiceSnapshot;
import io.renlayer.core.runtime.UpstreamSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The proxy's in-memory view of the configuration (keys, upstreams, services, route switches,
 * compiled policies and tenant DLP rules), kept coherent by the change feed; with it what was
 * discovered about the tenants' identity providers (their key sets).
 */
@ApplicationScoped
public class ConfigCaches {

    @Inject
    private RuntimeDirectory directory;

    @Inject
    private ChangeFeed changes;

    @Inject
    private PluginRegistry plugins;

    private SnapshotCache<String, KeySnapshot> keys;
    private SnapshotCache<OAuthClientId, KeySnapshot> keysOfClients;
    private AccessTokenVerifier tokenVerifier;
    private SnapshotCache<UUID, List<UpstreamSnapshot>> upstreams;
    private SnapshotCache<String, Set<String>> disabledRoutes;
    private SnapshotCache<UUID, List<ServiceSnapshot>> services;
    private SnapshotCache<UUID, PolicySet> policies;
    private SnapshotCache<UUID, TenantDlp> tenantDlp;
    private SnapshotCache<UUID, TenantPlugins> tenantPlugins;

    @PostConstruct
    void init() {
        long absentTtl = TimeUnit.SECONDS.toNanos(30);
        keys = new SnapshotCache<>(directory::findKey, absentTtl);
        keysOfClients = new SnapshotCache<>(directory::findKeyOfClient, absentTtl);
        tokenVerifier = new AccessTokenVerifier(
                new GuardedRetriever(OutboundAddresses.configured()),
                Clock.systemUTC(),
                GatewaySettings.oauthClockSkew());
        upstreams = new SnapshotCache<>(tenant -> Optional.of(directory.upstreams(tenant)), absentTtl);
        disabledRoutes = new SnapshotCache<>(all -> Optional.of(directory.disabledRoutes()), absentTtl);
        services = new SnapshotCache<>(tenant -> Optional.of(directory.services(tenant)), absentTtl);
        tenantPlugins = new SnapshotCache<>(tenant -> Optional.of(directory.tenantPlugins(tenant)), absentTtl);
        policies = new SnapshotCache<>(
                tenant -> Optional.of(PolicyCompiler.compileAll(
                        directory.policies(tenant),
                        new PolicyActions(plugins.current(), tenantPlugins(tenant), plugins.budget()))),
                absentTtl);
        tenantDlp = new SnapshotCache<>(tenant -> Optional.of(directory.tenantDlp(tenant)), absentTtl);
        changes.subscribe(this::onChange);
        plugins.onChange(set -> policies.invalidateAll()); // a policy's action may have come or gone
    }

    public Optional<KeySnapshot> key(String prefix) {
        return keys.get(prefix);
    }

    /** The key an OAuth client is bound to. */
    public Optional<KeySnapshot> keyOfClient(OAuthClientId client) {
        return keysOfClients.get(client);
    }

    /** Verifies the identity providers' access tokens, with their key sets as discovered. */
    public AccessTokenVerifier tokenVerifier() {
        return tokenVerifier;
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
    public TenantDlp tenantDlp(UUID tenantId) {
        return tenantDlp.get(tenantId).orElse(TenantDlp.NONE);
    }

    /** What the tenant configured about its plugins. */
    public TenantPlugins tenantPlugins(UUID tenantId) {
        return tenantPlugins.get(tenantId).orElse(TenantPlugins.NONE);
    }

    /** True when an operator switched the route off. */
    public boolean routeDisabled(String route) {
        return disabledRoutes.get("all").orElse(Set.of()).contains(route);
    }

    void onChange(Change change) {
        String subject = change.subject();
        switch (change.topic()) {
            case EVERYTHING -> {
                disabledRoutes.invalidateAll();
                keys.invalidateAll();
                keysOfClients.invalidateAll();
                tokenVerifier.forgetAll();
                upstreams.invalidateAll();
                services.invalidateAll();
                policies.invalidateAll();
                tenantDlp.invalidateAll();
                tenantPlugins.invalidateAll();
            }
            case ROUTES -> disabledRoutes.invalidateAll();
            case API_KEYS -> {
                keys.invalidate(subject);
                keysOfClients.invalidateAll(); // cached by client, announced by prefix; rarely changed
            }
            case IDENTITY_PROVIDERS -> {
                keysOfClients.invalidateAll(); // each carries its provider's audience and switch
                tokenVerifier.forgetAll();
            }
            case UPSTREAMS -> upstreams.invalidate(UUID.fromString(subject));
            case SERVICES -> services.invalidate(UUID.fromString(subject));
            case POLICIES -> policies.invalidate(UUID.fromString(subject));
            case DLP_RULES -> tenantDlp.invalidate(UUID.fromString(subject));
            case TENANT_PLUGINS -> {
                tenantPlugins.invalidate(UUID.fromString(subject));
                policies.invalidate(UUID.fromString(subject)); // compiled with the actions' settings
            }
            case MODEL_PRICES -> {} // the price table follows the feed itself
        }
    }
}
