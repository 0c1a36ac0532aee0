package io.renlayer.admin.upstreams;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.jpa.JpaPages;
import io.renlayer.admin.jpa.TenantRows;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.core.crypto.MasterKeyProvider;
import io.renlayer.core.errors.ConflictException;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import io.renlayer.core.plugins.PluginRegistry;
import io.renlayer.core.upstreams.UpstreamSettings;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registers the upstreams a tenant's traffic may go to. */
@Stateless
public class UpstreamService {

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @EJB
    private TenantService tenants;

    @EJB
    private AuditLog audit;

    @Inject
    private MasterKeyProvider masterKey;

    @Inject
    private PluginRegistry plugins;

    public Upstream create(UUID tenantId, NewUpstream request, Actor actor) {
        actor.requireMayChange(tenantId);
        tenants.require(tenantId);
        String name = InvalidRequestException.requireText("name", request.name(), 200);
        String provider = InvalidRequestException.requireText("provider", request.provider(), 100);
        if (plugins.upstreamProvider(provider).isEmpty()) {
            throw new InvalidRequestException(
                    "provider", "unknown provider '" + provider + "'; known: " + plugins.upstreamProviderIds());
        }
        String baseUrl = BaseUrl.check(request.baseUrl());
        String credential = InvalidRequestException.requireText("credential", request.credential(), 4096);
        List<String> models = checkModels(request.models());

        long taken = em.createNamedQuery("Upstream.countByTenantAndName", Long.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", name)
                .getSingleResult();
        if (taken > 0) {
            throw new ConflictException("an upstream named '" + name + "' already exists");
        }
        Upstream upstream = new Upstream(
                tenantId, name, provider, baseUrl, masterKey.cipher().encrypt(credential), models);
        upstream.setResilience(
                checkTimeout("connectTimeoutMs", request.connectTimeoutMs(), 120_000),
                checkTimeout("readTimeoutMs", request.readTimeoutMs(), 3_600_000),
                checkFallback(tenantId, request.fallbackUpstreamId(), provider));
        upstream.setSettings(checkSettings(provider, request.settings()));
        em.persist(upstream);
        audit.record(
                tenantId, actor.name(), "upstream.create", "upstream", upstream.getId(), null, upstream.auditState());
        return upstream;
    }

    public Page<Upstream> list(UUID tenantId, String provider, PageRequest page) {
        tenants.require(tenantId);
        return JpaPages.page(
                em,
                Upstream.class,
                tenantId,
                provider == null ? null : "e.provider = :provider",
                provider == null ? Map.of() : Map.of("provider", provider),
                page,
                Upstream::getCreatedAt,
                Upstream::getId);
    }

    public Upstream require(UUID tenantId, UUID upstreamId) {
        return TenantRows.require(em, Upstream.class, tenantId, upstreamId, "upstream");
    }

    /**
     * Changes what the request carries: base URL, models, enabled, timeouts, fallback, or the
     * credential (write-only: replaced, never read back). Name and provider are fixed.
     */
    public Upstream update(UUID tenantId, UUID upstreamId, NewUpstream change, Boolean enabled, Actor actor) {
        actor.requireMayChange(tenantId);
        Upstream upstream = require(tenantId, upstreamId);
        Map<String, Object> before = upstream.auditState();
        if (change.name() != null && !change.name().strip().equals(upstream.getName())) {
            throw new InvalidRequestException("name", "an upstream cannot be renamed; create another one");
        }
        if (change.provider() != null && !change.provider().strip().equals(upstream.getProvider())) {
            throw new InvalidRequestException("provider", "the provider of an upstream cannot change");
        }
        if (change.baseUrl() != null) {
            String baseUrl = BaseUrl.check(change.baseUrl());
            // The stored credential goes wherever the URL points: moving it to another server
            // would hand the write-only credential to whoever runs that server.
            if (BaseUrl.otherOrigin(upstream.getBaseUrl(), baseUrl) && change.credential() == null) {
                throw new InvalidRequestException(
                        "credential", "moving an upstream to another host needs its credential again");
            }
            upstream.setBaseUrl(baseUrl);
        }
        if (change.models() != null) {
            upstream.setModels(checkModels(change.models()));
        }
        if (change.credential() != null) {
            upstream.setCredentialEncrypted(masterKey
                    .cipher()
                    .encrypt(InvalidRequestException.requireText("credential", change.credential(), 4096)));
        }
        if (enabled != null) {
            upstream.setEnabled(enabled);
        }
        if (change.settings() != null) {
            upstream.setSettings(checkSettings(upstream.getProvider(), change.settings()));
        }
        upstream.setResilience(
                change.connectTimeoutMs() == null
                        ? upstream.getConnectTimeoutMs()
                        : checkTimeout("connectTimeoutMs", change.connectTimeoutMs(), 120_000),
                change.readTimeoutMs() == null
                        ? upstream.getReadTimeoutMs()
                        : checkTimeout("readTimeoutMs", change.readTimeoutMs(), 3_600_000),
                change.fallbackUpstreamId() == null
                        ? upstream.getFallbackUpstreamId()
                        : checkFallback(tenantId, change.fallbackUpstreamId(), upstream.getProvider()));
        Map<String, Object> after = upstream.auditState();
        if (change.credential() != null) {
            after.put("credential", "replaced");
        }
        audit.record(tenantId, actor.name(), "upstream.update", "upstream", upstreamId, before, after);
        return upstream;
    }

    public void delete(UUID tenantId, UUID upstreamId, Actor actor) {
        actor.requireMayChange(tenantId);
        Upstream upstream = require(tenantId, upstreamId);
        Map<String, Object> before = upstream.auditState();
        em.remove(upstream);
        audit.record(tenantId, actor.name(), "upstream.delete", "upstream", upstreamId, before, null);
    }

    /** Settings the provider accepts; a problem naming {@code settings} otherwise. */
    private Map<String, String> checkSettings(String provider, Map<String, String> settings) {
        Map<String, String> checked = UpstreamSettings.checked(settings);
        String problem = plugins.upstreamProvider(provider)
                .map(p -> p.invalidSettings(checked))
                .orElse(null);
        if (problem != null) {
            throw new InvalidRequestException("settings", problem);
        }
        return checked;
    }

    private static Integer checkTimeout(String field, Integer millis, int max) {
        if (millis != null && (millis < 100 || millis > max)) {
            throw new InvalidRequestException(field, field + " must be between 100 and " + max);
        }
        return millis;
    }

    /** A fallback must be the same tenant's upstream and speak the same dialect. */
    private UUID checkFallback(UUID tenantId, UUID fallbackId, String provider) {
        if (fallbackId == null) {
            return null;
        }
        Upstream fallback = em.find(Upstream.class, fallbackId);
        if (fallback == null || !fallback.getTenantId().equals(tenantId)) {
            throw new InvalidRequestException("fallbackUpstreamId", "no such upstream in this tenant");
        }
        if (!fallback.getProvider().equals(provider)) {
            throw new InvalidRequestException("fallbackUpstreamId", "the fallback must use the same provider");
        }
        return fallbackId;
    }

    private static List<String> checkModels(List<String> models) {
        if (models == null || models.isEmpty()) {
            return List.of("*");
        }
        for (String model : models) {
            if (model == null || model.isBlank() || model.contains(",") || model.length() > 200) {
                throw new InvalidRequestException("models", "each model must be a non-empty name without commas");
            }
        }
        return List.copyOf(models);
    }

    /** What an operator submits; the credential is only ever kept encrypted. */
    public record NewUpstream(
            String name,
            String provider,
            String baseUrl,
            String credential,
            List<String> models,
            Integer connectTimeoutMs,
            Integer readTimeoutMs,
            UUID fallbackUpstreamId,
            Map<String, String> settings) {
        @Override
        public String toString() {
            return "NewUpstream[name=" + name + ", provider=" + provider + ", baseUrl=" + baseUrl
                    + ", credential=***, models=" + models + "]";
        }
    }
}
