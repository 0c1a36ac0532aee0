package io.renlayer.admin.traces;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One proxied call as recorded: who, where, how it ended, how long it took and what it used.
 * Token counts are {@code null} when the upstream did not report them. Findings locate
 * sensitive content without holding it.
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
        List<TracePolicy> policies) {}
