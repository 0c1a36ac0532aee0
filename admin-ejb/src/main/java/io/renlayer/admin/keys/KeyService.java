package io.renlayer.admin.keys;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.agents.AgentService;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.identity.IdentityProviderRegistry;
import io.renlayer.admin.identity.IdentityProviderView;
import io.renlayer.admin.jpa.JpaPages;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.core.errors.ConflictException;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.keys.KeyScopes;
import io.renlayer.core.keys.VirtualKey;
import io.renlayer.core.limits.Limits;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The life of a virtual key: issue, change scopes and limits, rotate, disable, enable, revoke.
 * Every change is audited, and reaches every gateway node's cache through the database's change
 * notifications.
 */
@Stateless
public class KeyService {

    /** How long a rotated-out secret keeps working when the caller does not say. */
    public static final Duration DEFAULT_ROTATION_GRACE = Duration.ofHours(24);

    private static final Duration MAX_ROTATION_GRACE = Duration.ofDays(30);

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @EJB
    private AgentService agents;

    @EJB
    private AuditLog audit;

    @EJB
    private TenantService tenants;

    @EJB
    private IdentityProviderRegistry providers;

    /** Creates a key; the returned raw key is the only time it exists outside the caller. */
    public CreatedKey create(UUID tenantId, KeyChange request, Actor actor) {
        actor.requireMayChange(tenantId);
        if (request.agentId() == null) {
            throw new InvalidRequestException("agentId", "agentId is required");
        }
        agents.require(tenantId, request.agentId());
        String name = InvalidRequestException.requireText("name", request.name(), 200);
        checkExpiry(request.expiresAt());
        VirtualKey key = VirtualKey.generate();
        if (request.oauthClient() != null) {
            // The prefix still names the key in the caches and the change feed; there is no secret.
            ApiKey record = new ApiKey(
                    tenantId,
                    request.agentId(),
                    name,
                    key,
                    boundClient(tenantId, request.oauthClient()),
                    request.expiresAt());
            apply(record, request);
            em.persist(record);
            audit.record(tenantId, actor.name(), "key.create", "api_key", record.getId());
            return new CreatedKey(record, null);
        }
        ApiKey record = new ApiKey(tenantId, request.agentId(), name, key, request.expiresAt());
        apply(record, request);
        em.persist(record);
        audit.record(tenantId, actor.name(), "key.create", "api_key", record.getId());
        return new CreatedKey(record, key.reveal());
    }

    /** The tenant's provider and a client id no other key is bound to. */
    private OAuthClientBinding boundClient(UUID tenantId, OAuthClientBinding requested) {
        if (requested.identityProviderId() == null) {
            throw new InvalidRequestException(
                    "oauthClient.identityProviderId", "oauthClient.identityProviderId is required");
        }
        String clientId = InvalidRequestException.requireText("oauthClient.clientId", requested.clientId(), 500);
        IdentityProviderView provider = providers.require(tenantId, requested.identityProviderId());
        long taken = em.createQuery(
                        "select count(k) from ApiKey k where k.oauthIssuer = :issuer and k.oauthClientId = :client"
                                + " and k.revokedAt is null",
                        Long.class)
                .setParameter("issuer", provider.issuer())
                .setParameter("client", clientId)
                .getSingleResult();
        if (taken > 0) {
            throw new ConflictException("a live key is already bound to this OAuth client; revoke it first");
        }
        return new OAuthClientBinding(provider.id(), provider.issuer(), clientId);
    }

    public List<ApiKey> list(UUID tenantId) {
        return em.createNamedQuery("ApiKey.byTenant", ApiKey.class)
                .setParameter("tenantId", tenantId)
                .getResultList();
    }

    /** The tenant's keys, newest first, optionally only one agent's. */
    public Page<ApiKey> list(UUID tenantId, UUID agentId, PageRequest page) {
        tenants.require(tenantId);
        return JpaPages.page(
                em,
                ApiKey.class,
                tenantId,
                agentId == null ? null : "e.agentId = :agentId",
                agentId == null ? Map.of() : Map.of("agentId", agentId),
                page,
                ApiKey::getCreatedAt,
                ApiKey::getId);
    }

    /** The tenant's key, or {@link NotFoundException}; another tenant's key is not found. */
    public ApiKey find(UUID tenantId, UUID keyId) {
        return one(tenantId, keyId, LockModeType.NONE);
    }

    /** {@link #find}, locking the row for a change so concurrent changes apply one after the other. */
    private ApiKey get(UUID tenantId, UUID keyId) {
        return one(tenantId, keyId, LockModeType.PESSIMISTIC_WRITE);
    }

    private ApiKey one(UUID tenantId, UUID keyId, LockModeType lock) {
        return em.createNamedQuery("ApiKey.byTenantAndId", ApiKey.class)
                .setParameter("tenantId", tenantId)
                .setParameter("id", keyId)
                .setLockMode(lock)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("key"));
    }

    /** Changes what the request carries (name, expiry, scopes, limits); absent fields stay. */
    public ApiKey update(UUID tenantId, UUID keyId, KeyChange change, Actor actor) {
        actor.requireMayChange(tenantId);
        ApiKey key = get(tenantId, keyId);
        if (change.oauthClient() != null) {
            throw new InvalidRequestException("oauthClient", "a key's OAuth client cannot change; issue a new key");
        }
        if (change.agentId() != null && !change.agentId().equals(key.getAgentId())) {
            throw new InvalidRequestException("agentId", "a key cannot move to another agent; issue a new key");
        }
        if (change.name() != null) {
            key.setName(InvalidRequestException.requireText("name", change.name(), 200));
        }
        if (change.expiresAt() != null) {
            checkExpiry(change.expiresAt());
            key.setExpiresAt(change.expiresAt());
        }
        apply(key, change);
        audit.record(tenantId, actor.name(), "key.update", "api_key", keyId);
        return key;
    }

    /** A new secret under the same prefix; the old secret works for {@code grace} more. */
    public CreatedKey rotate(UUID tenantId, UUID keyId, Duration grace, Actor actor) {
        actor.requireMayChange(tenantId);
        Duration effective = grace == null ? DEFAULT_ROTATION_GRACE : grace;
        if (effective.isNegative() || effective.compareTo(MAX_ROTATION_GRACE) > 0) {
            throw new InvalidRequestException("graceSeconds", "graceSeconds must be between 0 and 30 days");
        }
        ApiKey key = get(tenantId, keyId);
        if (key.getRevokedAt() != null) {
            throw new ConflictException("a revoked key cannot be rotated");
        }
        if (key.getOAuthClient() != null) {
            throw new ConflictException("the key is bound to an OAuth client and has no secret to rotate");
        }
        VirtualKey replacement = VirtualKey.withPrefix(key.getPrefix());
        key.rotate(replacement, Instant.now().plus(effective));
        audit.record(tenantId, actor.name(), "key.rotate", "api_key", keyId);
        return new CreatedKey(key, replacement.reveal());
    }

    public ApiKey disable(UUID tenantId, UUID keyId, Actor actor) {
        actor.requireMayChange(tenantId);
        return setDisabled(tenantId, keyId, true, actor);
    }

    public ApiKey enable(UUID tenantId, UUID keyId, Actor actor) {
        actor.requireMayChange(tenantId);
        return setDisabled(tenantId, keyId, false, actor);
    }

    /** Permanent: a revoked key never works again, whatever else changes. */
    public ApiKey revoke(UUID tenantId, UUID keyId, Actor actor) {
        actor.requireMayChange(tenantId);
        ApiKey key = get(tenantId, keyId);
        if (key.getRevokedAt() == null) {
            key.revoke();
            audit.record(tenantId, actor.name(), "key.revoke", "api_key", keyId);
        }
        return key;
    }

    private ApiKey setDisabled(UUID tenantId, UUID keyId, boolean disabled, Actor actor) {
        ApiKey key = get(tenantId, keyId);
        if (key.getRevokedAt() != null) {
            throw new ConflictException("the key is revoked; revocation is permanent");
        }
        key.setDisabled(disabled);
        audit.record(tenantId, actor.name(), disabled ? "key.disable" : "key.enable", "api_key", keyId);
        return key;
    }

    private static void apply(ApiKey key, KeyChange change) {
        KeyScopes current = key.getScopes();
        KeyScopes scopes = new KeyScopes(
                orElse(KeyScopes.checked("allowedRoutes", change.allowedRoutes()), current.allowedRoutes()),
                orElse(KeyScopes.checked("allowedModels", change.allowedModels()), current.allowedModels()),
                orElse(KeyScopes.checked("allowedProviders", change.allowedProviders()), current.allowedProviders()),
                orElse(KeyScopes.checked("allowedMethods", change.allowedMethods()), current.allowedMethods()),
                change.streaming() == null ? current.streaming() : change.streaming());
        key.setScopes(scopes);
        if (change.limits() != null) {
            key.setLimits(change.limits());
        }
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static void checkExpiry(Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw new InvalidRequestException("expiresAt", "expiresAt must be in the future");
        }
    }

    /** What a create or PATCH request carries; null fields are left as they are. */
    public record KeyChange(
            UUID agentId,
            String name,
            Instant expiresAt,
            List<String> allowedRoutes,
            List<String> allowedModels,
            List<String> allowedProviders,
            List<String> allowedMethods,
            Boolean streaming,
            Limits limits,
            OAuthClientBinding oauthClient) {}

    /** A key and, once, its raw text. */
    public record CreatedKey(ApiKey key, String rawKey) {
        @Override
        public String toString() {
            return "CreatedKey[" + VirtualKey.redacted(key.getPrefix()) + "]";
        }
    }
}
