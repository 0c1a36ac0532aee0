package io.renlayer.admin.runtime;

import java.time.Instant;
import java.util.UUID;

/** What the proxy needs to authenticate a virtual key; immutable, safe to cache. */
public record KeySnapshot(
        UUID id,
        UUID tenantId,
        UUID agentId,
        UUID projectId,
        String prefix,
        byte[] secretHash,
        boolean disabled,
        Instant revokedAt,
        Instant expiresAt,
        boolean denyOnPluginFailure) {

    @Override
    public String toString() {
        return "KeySnapshot[id=" + id + ", tenant=" + tenantId + ", prefix=" + prefix + "]";
    }
}
