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

    /** A row of one call: who and when; the rest is set by name on the builder. */
    public static Builder of(UUID id, Instant createdAt, UUID tenantId, String requestId) {
        return new Builder(id, createdAt, tenantId, requestId);
    }

    /** The same row with what the trace writer derives off the request thread. */
    public TraceRecord withBodies(String sessionId, CharSequence redactedRequest, String redactedResponse) {
        return toBuilder()
                .session(sessionId)
                .bodies(redactedRequest, redactedResponse)
                .build();
    }

    /** The same row with one more flag. */
    public TraceRecord withFlag(String flag) {
        List<String> more = new ArrayList<>(flags);
        more.add(flag);
        return toBuilder().flags(List.copyOf(more)).build();
    }

    private Builder toBuilder() {
        return of(id, createdAt, tenantId, requestId)
                .caller(agentId, keyId, projectId)
                .call(route, method, provider, model, stream)
                .upstream(upstreamId)
                .ended(status, errorCode, latencyMs, upstreamLatencyMs)
                .tokens(promptTokens, completionTokens, totalTokens)
                .findings(findings, pluginFailures)
                .costUsd(costUsd)
                .flags(flags)
                .policies(policies, decision)
                .session(sessionId)
                .bodies(redactedRequest, redactedResponse);
    }

    /**
     * Builds a row by the parts of a call, so that no caller lines up 29 positions; what is not
     * set is null (or empty, for the lists).
     */
    public static final class Builder {
        private final UUID id;
        private final Instant createdAt;
        private final UUID tenantId;
        private final String requestId;
        private UUID agentId;
        private UUID keyId;
        private UUID projectId;
        private UUID upstreamId;
        private String route;
        private String method;
        private String provider;
        private String model;
        private boolean stream;
        private int status;
        private String errorCode;
        private int latencyMs;
        private Integer upstreamLatencyMs;
        private Integer promptTokens;
        private Integer completionTokens;
        private Integer totalTokens;
        private List<TraceFinding> findings = List.of();
        private List<String> pluginFailures = List.of();
        private BigDecimal costUsd;
        private List<String> flags = List.of();
        private List<TracePolicy> policies = List.of();
        private String sessionId;
        private String decision;
        private CharSequence redactedRequest;
        private String redactedResponse;

        private Builder(UUID id, Instant createdAt, UUID tenantId, String requestId) {
            this.id = id;
            this.createdAt = createdAt;
            this.tenantId = tenantId;
            this.requestId = requestId;
        }

        /** The agent, key and project that made the call. */
        public Builder caller(UUID agentId, UUID keyId, UUID projectId) {
            this.agentId = agentId;
            this.keyId = keyId;
            this.projectId = projectId;
            return this;
        }

        public Builder call(String route, String method, String provider, String model, boolean stream) {
            this.route = route;
            this.method = method;
            this.provider = provider;
            this.model = model;
            this.stream = stream;
            return this;
        }

        public Builder upstream(UUID upstreamId) {
            this.upstreamId = upstreamId;
            return this;
        }

        /** How the call ended and how long it took; the upstream's part null when it was not reached. */
        public Builder ended(int status, String errorCode, int latencyMs, Integer upstreamLatencyMs) {
            this.status = status;
            this.errorCode = errorCode;
            this.latencyMs = latencyMs;
            this.upstreamLatencyMs = upstreamLatencyMs;
            return this;
        }

        /** Token counts as the upstream reported them; null when it did not. */
        public Builder tokens(Integer promptTokens, Integer completionTokens, Integer totalTokens) {
            this.promptTokens = promptTokens;
            this.completionTokens = completionTokens;
            this.totalTokens = totalTokens;
            return this;
        }

        /** What the detectors found, and the detectors that failed to scan. */
        public Builder findings(List<TraceFinding> findings, List<String> pluginFailures) {
            this.findings = findings;
            this.pluginFailures = pluginFailures;
            return this;
        }

        public Builder costUsd(BigDecimal costUsd) {
            this.costUsd = costUsd;
            return this;
        }

        public Builder flags(List<String> flags) {
            this.flags = flags;
            return this;
        }

        /** The policies applied, and the strongest outcome among them. */
        public Builder policies(List<TracePolicy> policies, String decision) {
            this.policies = policies;
            this.decision = decision;
            return this;
        }

        public Builder session(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** The bodies as stored: redacted, never raw. */
        public Builder bodies(CharSequence redactedRequest, String redactedResponse) {
            this.redactedRequest = redactedRequest;
            this.redactedResponse = redactedResponse;
            return this;
        }

        public TraceRecord build() {
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
    }
}
