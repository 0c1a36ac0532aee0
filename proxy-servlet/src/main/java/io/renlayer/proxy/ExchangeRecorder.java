package io.renlayer.proxy;

import io.renlayer.core.policies.PolicyOutcome;
import io.renlayer.core.runtime.KeySnapshot;
import io.renlayer.core.runtime.PriceTable;
import io.renlayer.core.runtime.UpstreamSnapshot;
import io.renlayer.core.traces.AsciiText;
import io.renlayer.core.traces.TraceFinding;
import io.renlayer.core.traces.TracePolicy;
import io.renlayer.core.traces.TraceRecord;
import io.renlayer.proxy.inspect.DetectorRunner;
import io.renlayer.proxy.inspect.ScanResult;
import io.renlayer.proxy.limits.Limiter;
import io.renlayer.proxy.limits.Micros;
import io.renlayer.proxy.limits.Reservation;
import io.renlayer.proxy.metrics.ProxyMetrics;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.trace.ResponseCapture;
import io.renlayer.proxy.trace.SessionIds;
import io.renlayer.proxy.trace.TraceBodies;
import io.renlayer.proxy.trace.TraceIds;
import io.renlayer.proxy.trace.TraceQueue;
import io.renlayer.spi.dlp.ScanInput;
import io.renlayer.spi.upstream.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns a finished exchange into metrics and a trace row, and settles what its limits reserved.
 * Calls without a tenant, and those of routes that keep no trace (the model list), leave no row.
 */
@ApplicationScoped
public class ExchangeRecorder {

    @Inject
    private TraceQueue traces;

    @Inject
    private ProxyMetrics metrics;

    @Inject
    private Limiter limiter;

    @Inject
    private PriceTable prices;

    @Inject
    private DetectorRunner detectors;

    /** @param routeLabel the route as metrics name it */
    public void record(Exchange exchange, String routeLabel, boolean traced) {
        long elapsed = System.nanoTime() - exchange.startNanos();
        metrics.requestFinished(routeLabel, exchange.status(), elapsed);
        if (exchange.errorCode() != null && exchange.upstream() != null) {
            metrics.upstreamError(exchange.errorCode());
        }
        if (exchange.key() == null) {
            return; // unauthenticated: no tenant to file it under
        }
        Usage usage = exchange.usage();
        Long costMicros = usage.isKnown() && exchange.model() != null
                ? prices.costMicros(exchange.model(), usage.promptTokens(), usage.completionTokens())
                : null;
        settle(exchange, usage, costMicros);
        if (!traced) {
            return;
        }
        UpstreamSnapshot upstream = exchange.upstream();
        KeySnapshot key = exchange.key();
        TraceRecord row = TraceRecord.of(TraceIds.next(), exchange.receivedAt(), key.tenantId(), exchange.requestId())
                .caller(key.agentId(), key.id(), key.projectId())
                .call(
                        exchange.route(),
                        exchange.method(),
                        upstream == null ? null : upstream.provider(),
                        exchange.model(),
                        exchange.streamRequested())
                .upstream(upstream == null ? null : upstream.id())
                .ended(
                        exchange.status(),
                        exchange.errorCode(),
                        (int) (elapsed / 1_000_000),
                        exchange.upstreamNanos() < 0 ? null : (int) (exchange.upstreamNanos() / 1_000_000))
                .tokens(count(usage.promptTokens()), count(usage.completionTokens()), count(usage.totalTokens()))
                .findings(
                        findings(exchange.requestScan()), exchange.requestScan().failedDetectors())
                .costUsd(costMicros == null ? null : Micros.toUsd(costMicros))
                .flags(flags(exchange))
                .policies(
                        exchange.policies().stream()
                                .map(a -> new TracePolicy(
                                        a.name(),
                                        a.outcome().name(),
                                        a.phase().wire(),
                                        a.reason(),
                                        a.verdict().routeUpstream(),
                                        a.verdict().routeModel(),
                                        a.verdict().failed()))
                                .toList(),
                        decision(exchange))
                .build();
        byte[] requestBody = exchange.body();
        ResponseCapture response = exchange.responseCapture();
        long bodyBytes = (requestBody == null ? 0 : requestBody.length) + response.size();
        traces.submit(row, bodyBytes, withBodies(exchange, requestBody, response));
    }

    /**
     * Session and redacted bodies, worked out by the trace writer rather than the request thread.
     * It reads the body's text if the request decoded it, else the body's bytes in place when they
     * are ASCII (nearly always: JSON escapes the rest), and decodes them only otherwise.
     */
    private UnaryOperator<TraceRecord> withBodies(Exchange exchange, byte[] requestBody, ResponseCapture response) {
        Map<String, String> headers = exchange.headers();
        String promptText = exchange.promptText();
        String otherText = exchange.otherText();
        ScanResult promptScan = exchange.promptScanOrNull();
        String decoded = exchange.decodedBodyOrNull();
        boolean mayNameSession = exchange.bodyMayNameSession();
        return row -> {
            String tenant = row.tenantId().toString();
            CharSequence request = decoded != null || requestBody == null ? decoded : text(requestBody);
            return row.withBodies(
                    SessionIds.of(headers, mayNameSession ? request : null),
                    TraceBodies.redactedRequest(request, promptText, otherText, promptScan, detectors, tenant),
                    TraceBodies.redacted(
                            response.text(), response.truncated(), detectors, tenant, ScanInput.Phase.RESPONSE));
        };
    }

    private static CharSequence text(byte[] body) {
        AsciiText ascii = AsciiText.ofOrNull(body);
        return ascii != null ? ascii : new String(body, StandardCharsets.UTF_8);
    }

    /** The strongest outcome of the policies applied: DENY, then REDACT, FLAG, ALLOW; null when none applied. */
    private static String decision(Exchange exchange) {
        PolicyOutcome strongest = null;
        for (var applied : exchange.policies()) {
            if (strongest == null || rank(applied.outcome()) > rank(strongest)) {
                strongest = applied.outcome();
            }
        }
        return strongest == null ? null : strongest.name();
    }

    private static int rank(PolicyOutcome outcome) {
        return switch (outcome) {
            case DENY -> 4;
            case REDACT -> 3;
            case FLAG -> 2;
            default -> 1;
        };
    }

    /**
     * Replaces the reservation's estimate with what was used. A call that reached the upstream but
     * reported no usage keeps its estimate; one that never got there costs nothing.
     */
    private void settle(Exchange exchange, Usage usage, Long costMicros) {
        Reservation reservation = exchange.reservation();
        if (reservation == null) {
            return;
        }
        boolean answered = exchange.upstreamNanos() >= 0;
        long tokens = usage.isKnown()
                ? usage.totalTokens()
                : answered ? reservation.request().tokens() : 0;
        long cost = costMicros != null
                ? costMicros
                : answered ? reservation.request().costMicros() : 0;
        limiter.settle(reservation, tokens, cost);
    }

    private static List<String> flags(Exchange exchange) {
        List<String> flags = new ArrayList<>(exchange.flags());
        if (exchange.reservation() != null && exchange.reservation().fallback()) {
            flags.add("limits_local");
        }
        return flags;
    }

    private static List<TraceFinding> findings(ScanResult scan) {
        return scan.findings().stream()
                .map(d -> new TraceFinding(
                        d.detector(),
                        d.finding().type(),
                        d.finding().start(),
                        d.finding().end(),
                        d.finding().confidence()))
                .toList();
    }

    private static Integer count(long tokens) {
        return tokens < 0 ? null : (int) tokens;
    }
}
