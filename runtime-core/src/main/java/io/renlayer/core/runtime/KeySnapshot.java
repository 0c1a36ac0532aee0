package io.renlayer.core.runtime;

import io.renlayer.core.keys.KeyScopes;
import io.renlayer.core.limits.Limits;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the proxy needs to authenticate, guard and limit a virtual key: immutable, safe to cache.
 * Carries its agent's and tenant's limits and settings, and the MCP tools its agent may use
 * ({@code agentTools}, patterns), so a request needs no further lookup. A key bound to an OAuth
 * client of the tenant's identity provider has no secret ({@code secrets} hold none) and an
 * {@code oauthClient}: the agent presents that client's access tokens instead.
 */
public record KeySnapshot(
        UUID id,
        UUID tenantId,
        UUID agentId,
        UUID projectId,
        String prefix,
        Secrets secrets,
        boolean disabled,
        Instant revokedAt,
        Instant expiresAt,
        KeyScopes scopes,
        LimitSet limits,
        TenantSettings tenant,
        List<String> agentTools,
        OAuthClient oauthClient) {

    /** The current secret's hash and, during a rotation's grace period, the previous one's. */
    public record Secrets(byte[] current, byte[] previous, Instant previousValidUntil) {
        public static Secrets of(byte[] current) {
            return new Secrets(current, null, null);
        }
    }

    /** The OAuth client a key is bound to, and what its tokens must carry to be accepted. */
    public record OAuthClient(String issuer, String clientId, String audience, boolean providerEnabled) {}

    /** Limits that apply to a call through this key, from the widest scope to the narrowest. */
    public record LimitSet(Limits tenant, Limits agent, Limits key) {
        public static final LimitSet NONE = new LimitSet(Limits.NONE, Limits.NONE, Limits.NONE);
    }

    /** The tenant's choices when a dependency fails. */
    public record TenantSettings(boolean denyOnPluginFailure, boolean redisFailOpen) {
        public static final TenantSettings DEFAULTS = new TenantSettings(false, true);
    }

    @Override
    public String toString() {
        return "KeySnapshot[id=" + id + ", tenant=" + tenantId + ", prefix=" + prefix + "]";
    }
}
