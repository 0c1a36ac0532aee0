package io.renlayer.core.traces;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's traffic over a time range: totals, latency percentiles, hourly series, the busiest
 * agents and models, and the latest denials.
 */
public record TraceDashboard(
        long requests,
        long errors,
        Integer p50Ms,
        Integer p95Ms,
        long tokens,
        BigDecimal costUsd,
        long findings,
        List<Bucket> hours,
        List<Count> topAgents,
        List<Count> topModels,
        List<TraceRecord> recentDenials) {

    public record Bucket(
            Instant hour,
            long requests,
            long errors,
            long findings,
            Integer p50Ms,
            Integer p95Ms,
            long tokens,
            BigDecimal costUsd) {}

    public record Count(String name, long requests) {}

    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
