package io.renlayer.core.runtime;

import io.renlayer.core.names.NamePattern;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An enabled upstream with its decrypted credential, for the proxy's in-memory cache only. */
public record UpstreamSnapshot(
        UUID id,
        UUID tenantId,
        String name,
        String provider,
        String baseUrl,
        String credential,
        List<String> models,
        Resilience resilience,
        Map<String, String> settings) {

    /** Timeouts, and the upstream to try when this one cannot be reached (null for none). */
    public record Resilience(int connectTimeoutMs, int readTimeoutMs, UUID fallbackUpstreamId) {
        public static final Resilience DEFAULTS = new Resilience(10_000, 120_000, null);
    }

    /** True when this upstream may serve the model: {@code *}, an exact name, or a {@code prefix*}. */
    public boolean serves(String model) {
        return NamePattern.anyMatches(models, model);
    }

    @Override
    public String toString() {
        return "UpstreamSnapshot[id=" + id + ", name=" + name + ", provider=" + provider + ", baseUrl=" + baseUrl
                + ", credential=***]";
    }
}
