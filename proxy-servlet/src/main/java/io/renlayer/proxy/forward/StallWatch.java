package io.renlayer.proxy.forward;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Finds relays whose upstream has gone quiet for longer than their read timeout. One sweep per
 * tick over the relays in flight, rather than a timer task per call: arming and cancelling a task
 * for every call woke the timer thread once per call (a queue that is mostly empty gets a new
 * head each time), a context switch per call for timeouts that almost never fire. A stall is
 * noticed within one tick after its read timeout.
 */
final class StallWatch implements AutoCloseable {

    /** What the watch asks of a relay; it only cancels, it never does I/O. */
    interface Watched {
        /** Ends the relay if it has been idle for its timeout as of {@code nowNanos}. */
        void checkIdle(long nowNanos);
    }

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("renlayer-stall-watch").unstarted(task));

    StallWatch(Duration tick) {
        long nanos = tick.toNanos();
        sweeper.scheduleAtFixedRate(this::sweep, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    void watch(Watched relay) {
        watched.add(relay);
    }

    /** A finished relay leaves at once: the watch must not hold its sink and captured body. */
    void unwatch(Watched relay) {
        watched.remove(relay);
    }

    int watching() {
        return watched.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Watched relay : watched) {
            try {
                relay.checkIdle(now);
            } catch (RuntimeException e) {
                // One relay's failure to cancel must not stop the watch for the others.
                watched.remove(relay);
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
