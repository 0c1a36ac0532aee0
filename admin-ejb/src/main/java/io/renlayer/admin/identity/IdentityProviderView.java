package io.renlayer.admin.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered provider as the API shows it: never the client secret, only whether one is set. */
public record IdentityProviderView(
        UUID id,
        UUID tenantId,
        String name,
        String issuer,
        String audience,
        String clientId,
        boolean clientSecretSet,
        String groupsClaim,
        List<RoleMapping> roleMappings,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {}
