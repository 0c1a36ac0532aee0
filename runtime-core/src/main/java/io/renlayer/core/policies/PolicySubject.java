package io.renlayer.core.policies;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What policies are evaluated against: who calls, where, with what, and what detectors found.
 * The same shape serves live calls and stored traces (dry-run), where {@code headers} is null
 * because traces do not keep them.
 *
 * @param findingCounts finding type to number of findings of that type
 */
public record PolicySubject(
        UUID tenantId,
        UUID agentId,
        UUID projectId,
        UUID keyId,
        String route,
        String provider,
        String model,
        Map<String, Integer> findingCounts,
        long estimatedTokens,
        Instant at,
        Map<String, String> headers) {

    public int findings() {
        return findingCounts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
