package io.renlayer.proxy.stage;

import io.renlayer.core.keys.KeyScopes;
import io.renlayer.core.runtime.KeySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Key snapshots for stage tests. */
final class TestKeys {

    private TestKeys() {}

    static KeySnapshot of(
            UUID tenant,
            KeySnapshot.Secrets secrets,
            boolean disabled,
            Instant revokedAt,
            Instant expiresAt,
            KeyScopes scopes,
            KeySnapshot.TenantSettings settings) {
        return new KeySnapshot(
                UUID.randomUUID(),
                tenant,
                UUID.randomUUID(),
                null,
                "prefix",
                secrets,
                disabled,
                revokedAt,
                expiresAt,
                scopes,
                KeySnapshot.LimitSet.NONE,
                settings,
                List.of("*"),
                null);
    }

    static KeySnapshot withTools(List<String> agentTools) {
        KeySnapshot k = forTenant(UUID.randomUUID());
        return new KeySnapshot(
                k.id(),
                k.tenantId(),
                k.agentId(),
                null,
                k.prefix(),
                k.secrets(),
                false,
                null,
                null,
                k.scopes(),
                k.limits(),
                k.tenant(),
                agentTools,
                null);
    }

    static KeySnapshot forTenant(UUID tenant) {
        return of(
                tenant,
                KeySnapshot.Secrets.of(new byte[0]),
                false,
                null,
                null,
                KeyScopes.UNRESTRICTED,
                KeySnapshot.TenantSettings.DEFAULTS);
    }

    static KeySnapshot withScopes(KeyScopes scopes) {
        return of(
                UUID.randomUUID(),
                KeySnapshot.Secrets.of(new byte[0]),
                false,
                null,
                null,
                scopes,
                KeySnapshot.TenantSettings.DEFAULTS);
    }
}
