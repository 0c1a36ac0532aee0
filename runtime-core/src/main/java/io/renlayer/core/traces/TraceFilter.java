package io.renlayer.core.traces;

import java.time.Instant;
import java.util.UUID;

/**
 * What a trace query narrows to; null fields do not filter. {@code status} is an exact code or a
 * class ({@code 2xx}, {@code 4xx}, {@code 5xx}); {@code decision} the final policy outcome
 * (ALLOW, FLAG, REDACT, DENY); {@code findingType} a DLP type present in the request.
 */
public record TraceFilter(
        Instant from,
        Instant to,
        UUID agentId,
        UUID keyId,
        String model,
        String status,
        String decision,
        String findingType,
        String sessionId) {

    public static final TraceFilter NONE = new TraceFilter(null, null, null, null, null, null, null, null, null);
}
