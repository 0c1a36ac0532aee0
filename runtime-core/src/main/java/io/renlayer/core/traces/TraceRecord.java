package io.renlayer.core.traces;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One proxied call as recorded: who, where, how it ended, how long it took and what it used.
 * Token counts are {@code null} when the upstream did not report them. Findings locate
 * sensitive content without holding it; the bodies are stored redacted, never raw. The request's
 * is a {@link CharSequence} so that an ASCII body is stored from its bytes ({@link AsciiText}).
 */
public record TraceRecord(
        UUID id,
        Instant createdAt,
        UUID tenantId,
        UUID agentId,
        UUID keyId,
        UUID projectId,
        UUID upstreamId,
        String requestId,
        String route,
        String method,
        String provider,
        String model,
        boolean stream,
        int status,
        String errorCode,
        int latencyMs,
        Integer upstreamLatencyMs,
        Integer promptTokens,
        Integer completionTokens,
        Integer totalTokens,
        List<TraceFinding> findings,
        List<String> pluginFailures,
        BigDecimal costUsd,
        List<String> flags,
        List<TracePolicy> policies,
        String sessionId,
        String decision,
        CharSequence redactedRequest,
        String redactedResponse) {

    /** The same row with what the trace writer derives off the request thread. */
    public TraceRecord withBodies(String sessionId, CharSequence redactedRequest, String redactedResponse) {
        return new TraceRecord(
                id,
                createdAt,
                tenantId,
                agentId,
                keyId,
                projectId,
                upstreamId,
                requestId,
                route,
                method,
                provider,
                model,
                stream,
                status,
                errorCode,
                latencyMs,
                upstreamLatencyMs,
                promptTokens,
                completionTokens,
                totalTokens,
                findings,
                pluginFailures,
                costUsd,
                flags,
                policies,
                sessionId,
                decision,
                redactedRequest,
                redactedResponse);
    }

    /** The same row with one more flag. */
    public TraceRecord withFlag(String flag) {
        List<String> more = new ArrayList<>(flags);
        more.add(flag);
        return new TraceRecord(
                id,
                createdAt,
                tenantId,
                agentId,
                keyId,
                projectId,
                upstreamId,
                requestId,
                route,
                method,
                provider,
                model,
                stream,
                status,
                errorCode,
                latencyMs,
                upstreamLatencyMs,
                promptTokens,
                completionTokens,
                totalTokens,
                findings,
                pluginFailures,
                costUsd,
                List.copyOf(more),
                policies,
                sessionId,
                decision,
                redactedRequest,
                redactedResponse);
    }
}
