package io.renlayer.admin.keys;

import io.renlayer.admin.limits.LimitColumns;
import io.renlayer.core.keys.KeyScopes;
import io.renlayer.core.keys.SecretHash;
import io.renlayer.core.keys.VirtualKey;
import io.renlayer.core.limits.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A virtual key's record: its public prefix and the hash of its secret, never the secret. */
@Entity
@Table(name = "api_keys")
@NamedQuery(
        name = "ApiKey.byTenant",
        query = "select k from ApiKey k where k.tenantId = :tenantId order by k.createdAt desc")
@NamedQuery(name = "ApiKey.byTenantAndId", query = "select k from ApiKey k where k.tenantId = :tenantId and k.id = :id")
public class ApiKey {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "agent_id", nullable = false)
    private UUID agentId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, unique = true)
    private String prefix;

    /** Null for a key bound to an OAuth client: its agent presents the client's tokens instead. */
    @Column(name = "secret_hash")
    private byte[] secretHash;

    @Column(name = "identity_provider_id")
    private UUID identityProviderId;

    @Column(name = "oauth_issuer")
    private String oauthIssuer;

    @Column(name = "oauth_client_id")
    private String oauthClientId;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "previous_secret_hash")
    private byte[] previousSecretHash;

    @Column(name = "previous_valid_until")
    private Instant previousValidUntil;

    @Column(name = "allowed_routes", nullable = false)
    private String allowedRoutes = "*";

    @Column(name = "allowed_models", nullable = false)
    private String allowedModels = "*";

    @Column(name = "allowed_providers", nullable = false)
    private String allowedProviders = "*";

    @Column(name = "allowed_methods", nullable = false)
    private String allowedMethods = "*";

    @Column(nullable = false)
    private boolean streaming = true;

    @Embedded
    private LimitColumns limits = new LimitColumns();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ApiKey() {}

    ApiKey(UUID tenantId, UUID agentId, String name, VirtualKey key, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.agentId = agentId;
        this.name = name;
        this.prefix = key.prefix();
        this.secretHash = SecretHash.of(key.secret());
        this.expiresAt = expiresAt;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** A key without a secret, bound to an OAuth client of the tenant's provider. */
    ApiKey(UUID tenantId, UUID agentId, String name, VirtualKey handle, OAuthClientBinding client, Instant expiresAt) {
        this(tenantId, agentId, name, handle, expiresAt);
        this.secretHash = null;
        this.identityProviderId = client.identityProviderId();
        this.oauthIssuer = client.issuer();
        this.oauthClientId = client.clientId();
    }

    /** The OAuth client the key is bound to; null for a key with a secret. */
    public OAuthClientBinding getOAuthClient() {
        return oauthClientId == null ? null : new OAuthClientBinding(identityProviderId, oauthIssuer, oauthClientId);
    }

    /** A new secret under the same prefix; the old one keeps working until {@code graceUntil}. */
    void rotate(VirtualKey replacement, Instant graceUntil) {
        previousSecretHash = secretHash;
        previousValidUntil = graceUntil;
        secretHash = SecretHash.of(replacement.secret());
        touch();
    }

    void setDisabled(boolean disabled) {
        this.disabled = disabled;
        touch();
    }

    void revoke() {
        revokedAt = Instant.now();
        touch();
    }

    void setName(String name) {
        this.name = name;
        touch();
    }

    void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        touch();
    }

    void setScopes(KeyScopes scopes) {
        allowedRoutes = KeyScopes.join(scopes.allowedRoutes());
        allowedModels = KeyScopes.join(scopes.allowedModels());
        allowedProviders = KeyScopes.join(scopes.allowedProviders());
        allowedMethods = KeyScopes.join(scopes.allowedMethods());
        streaming = scopes.streaming();
        touch();
    }

    void setLimits(Limits limits) {
        this.limits = LimitColumns.of(limits);
        touch();
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    public KeyScopes getScopes() {
        return new KeyScopes(
                KeyScopes.split(allowedRoutes),
                KeyScopes.split(allowedModels),
                KeyScopes.split(allowedProviders),
                KeyScopes.split(allowedMethods),
                streaming);
    }

    public Limits getLimits() {
        return LimitColumns.read(limits);
    }

    public Instant getPreviousValidUntil() {
        return previousValidUntil;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public UUID getAgentId() {
        return agentId;
    }

    /** revoked, expired, disabled or active: what the API and the console show. */
    public String status() {
        if (revokedAt != null) {
            return "revoked";
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            return "expired";
        }
        return disabled ? "disabled" : "active";
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
