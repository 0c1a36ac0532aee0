package io.renlayer.core.traces;

import io.renlayer.core.config.GatewaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the trace writer is keeping up, as the proxy's writer reports it and readiness reads it
 * (the two live in different modules of the application). The writer is stalled while rows wait
 * and none has been stored since they began to: a database that refuses every batch, a spool file
 * that cannot be replayed, a writer thread that hangs. Idle is not stalled.
 */
@ApplicationScoped
public class TraceWriterWatch {

    private final AtomicLong progressNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile Duration bound;

    /** Rows were stored, or nothing waits: the writer is keeping up as of now. */
    public void keptUp() {
        progressNanos.set(System.nanoTime());
    }

    /** A row the database refused for its data was set aside. */
    public void deadLettered() {
        deadLettered.incrementAndGet();
    }

    public long deadLetteredRows() {
        return deadLettered.get();
    }

    /** Seconds since the writer last kept up; 0 while it does. */
    public long stalledSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - progressNanos.get());
    }

    public boolean stalled() {
        return stalledSeconds() >= bound().toSeconds();
    }

    public Duration bound() {
        Duration b = bound;
        if (b == null) {
            b = GatewaySettings.traceWriterStallBound();
            bound = b;
        }
        return b;
    }
}
