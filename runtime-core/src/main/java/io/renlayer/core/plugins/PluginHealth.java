package io.renlayer.core.plugins;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** How one plugin has behaved since startup; updated by whoever invokes it. Thread safe. */
public final class PluginHealth {

    private static final Duration RECENT = Duration.ofMinutes(5);

    private final LongAdder invocations = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile String lastError;
    private volatile Instant lastProblemAt;

    /**
     * Counts a call as started unless {@code maxInFlight} calls are already running (a plugin that
     * hangs keeps them running); atomic, so concurrent callers cannot overshoot the bound.
     *
     * @return false when the call must not be made
     */
    public boolean tryStart(int maxInFlight) {
        int current;
        do {
            current = inFlight.get();
            if (current >= maxInFlight) {
                return false;
            }
        } while (!inFlight.compareAndSet(current, current + 1));
        invocations.increment();
        return true;
    }

    /**
     * Counts a call made on the caller's thread (the gateway's own plugins): it cannot be left
     * running behind the caller, so it takes no part in the in-flight bound, and a shared counter
     * is not contended on every streamed event.
     */
    public void startedInline() {
        invocations.increment();
    }

    /** The invocation returned (well or not); a timed-out call that later returns ends here too. */
    public void ended() {
        inFlight.decrementAndGet();
    }

    public void failed(Throwable error) {
        failures.increment();
        lastError = error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + truncate(error.getMessage()));
        lastProblemAt = Instant.now();
    }

    public void timedOut(Duration budget) {
        timeouts.increment();
        lastError = "exceeded its " + budget.toMillis() + " ms budget";
        lastProblemAt = Instant.now();
    }

    /** Calls still running, including ones the gateway stopped waiting for. */
    public int inFlight() {
        return inFlight.get();
    }

    public Snapshot snapshot() {
        Instant problem = lastProblemAt;
        boolean recent = problem != null && problem.isAfter(Instant.now().minus(RECENT));
        return new Snapshot(
                recent ? "degraded" : "ok",
                invocations.sum(),
                failures.sum(),
                timeouts.sum(),
                inFlight.get(),
                lastError,
                problem);
    }

    /** Messages come from plugin code: keep them short so a plugin cannot flood the API. */
    private static String truncate(String message) {
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }

    public record Snapshot(
            String status,
            long invocations,
            long failures,
            long timeouts,
            int inFlight,
            String lastError,
            Instant lastProblemAt) {}
}
