package io.renlayer.proxy.metrics;

import io.renlayer.core.traces.TraceWriterWatch;
import io.renlayer.proxy.forward.InlineCalls;
import io.renlayer.proxy.limits.InFlightCalls;
import io.renlayer.proxy.trace.TraceQueue;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/** Request counts, latencies and upstream errors, published at {@code /metrics} on the control listener. */
@ApplicationScoped
public class ProxyMetrics {

    @Inject
    private MetricRegistry registry;

    @Inject
    private TraceQueue traces;

    @Inject
    private TraceWriterWatch traceWriter;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @PostConstruct
    void registerGauges() {
        registry.gauge(
                Metadata.builder()
                        .withName("renlayer_trace_queue_pending")
                        .withDescription("Trace rows waiting to be written")
                        .build(),
                traces,
                TraceQueue::pending);
        registry.gauge(
                Metadata.builder()
                        .withName("renlayer_trace_rows_dropped")
                        .withDescription("Trace rows dropped because the queue was full")
                        .build(),
                traces,
                TraceQueue::dropped);
        registry.gauge(
                Metadata.builder()
                        .withName("renlayer_trace_bodies_skipped")
                        .withDescription(
                                "Trace rows queued without their bodies: queued rows held the bound of body bytes")
                        .build(),
                traces,
                TraceQueue::bodiesSkipped);
        registry.gauge(
                Metadata.builder()
                        .withName("renlayer_trace_rows_written")
                        .withDescription("Trace rows stored")
                        .build(),
                traces,
                TraceQueue::written);
        registry.gauge(
                Metadata.builder()
                        .withName("renlayer_trace_rows_spooled")
                        .withDescription("Trace rows on local disk waiting for the database")
                        .build(),
                traces,
                TraceQueue::spooled);
        registry.gauge(
                Metadata.builder()
                        .withName("renlayer_trace_rows_dead_lettered")
                        .withDescription(
                                "Trace rows the database refused for their data, set aside in the spool's dead-letter/")
                        .build(),
                traceWriter,
                TraceWriterWatch::deadLetteredRows);
        registry.gauge(
                Metadata.builder()
                        .withName("renlayer_trace_writer_stalled_seconds")
                        .withDescription(
                                "Seconds rows have waited without the trace writer storing any; 0 while it keeps up")
                        .build(),
                traceWriter,
                TraceWriterWatch::stalledSeconds);
    }

    /** Calls and declared body bytes in flight, against their bounds. */
    public void watch(InFlightCalls inFlight) {
        registry.gauge(
                Metadata.builder()
                        .withName("renlayer_proxy_in_flight_calls")
                        .withDescription("Calls the proxy is working on")
                        .build(),
                inFlight,
                InFlightCalls::calls);
        registry.gauge(
                Metadata.builder()
                        .withName("renlayer_proxy_in_flight_body")
                        .withDescription("Declared request body bytes of the calls in flight")
                        .withUnit(MetricUnits.BYTES)
                        .build(),
                inFlight,
                InFlightCalls::bytes);
    }

    /** Calls servlet threads are forwarding themselves, against their bound. */
    public void watch(InlineCalls inline) {
        registry.gauge(
                Metadata.builder()
                        .withName("renlayer_proxy_inline_calls")
                        .withDescription("Calls forwarded on the servlet thread they arrived on")
                        .build(),
                inline,
                InlineCalls::calls);
    }

    /** A call refused at once because the server was at its bound of calls in flight. */
    public void shed() {
        registry.counter(Metadata.builder()
                        .withName("renlayer_proxy_requests_shed")
                        .withDescription(
                                "Calls refused with 503 because the server was at its bound of calls in flight")
                        .build())
                .inc();
    }

    /**
     * A call ended, refused or answered.
     *
     * @param route the route's label: from the route table's fixed set, never a name a caller
     *     chose, which would let anyone add a series with every name they try (unauthenticated)
     */
    public void requestFinished(String route, int status, long elapsedNanos) {
        // Looked up once per route and status: a registry lookup builds tag arrays and maps each time.
        counters.computeIfAbsent(
                        route + ' ' + status,
                        k -> registry.counter(
                                Metadata.builder()
                                        .withName("renlayer_proxy_requests")
                                        .withDescription("Proxied requests by route and status")
                                        .build(),
                                new Tag("route", route),
                                new Tag("status", Integer.toString(status))))
                .inc();
        timers.computeIfAbsent(
                        route,
                        k -> registry.timer(
                                Metadata.builder()
                                        .withName("renlayer_proxy_request_duration")
                                        .withDescription("Time from request to the end of the response")
                                        .withUnit(MetricUnits.SECONDS)
                                        .build(),
                                new Tag("route", route)))
                .update(Duration.ofNanos(elapsedNanos));
    }

    public void upstreamError(String code) {
        registry.counter(
                        Metadata.builder()
                                .withName("renlayer_proxy_upstream_errors")
                                .withDescription("Upstream calls that failed or returned an error status")
                                .build(),
                        new Tag("code", code))
                .inc();
    }
}
