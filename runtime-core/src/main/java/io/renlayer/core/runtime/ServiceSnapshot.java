package io.renlayer.core.runtime;

import java.util.List;
import java.util.UUID;

/** A registered service with its decrypted credential (or null), for the proxy's cache only. */
public record ServiceSnapshot(
        UUID id,
        UUID tenantId,
        String name,
        String baseUrl,
        String credential,
        String authHeader,
        String authScheme,
        List<String> allowedMethods) {

    @Override
    public String toString() {
        return "ServiceSnapshot[id=" + id + ", name=" + name + ", baseUrl=" + baseUrl + ", credential=***]";
    }
}
