package io.renlayer.proxy.limits;

import java.util.List;

/**
 * One call to admit: its scopes, and what it is expected to use (tokens, and cost in
 * micro-dollars), which is reserved up front and settled when the call ends.
 */
public record AdmissionRequest(
        String tenantId, List<LimitScope> scopes, String requestId, long nowMillis, long tokens, long costMicros) {}
