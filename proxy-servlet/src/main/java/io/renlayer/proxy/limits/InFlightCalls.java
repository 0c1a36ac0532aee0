package io.renlayer.proxy.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the calls this server works on at once, and the request body bytes they declare. Past
 * either bound a call is refused at once: under overload the gateway sheds calls with a 503 its
 * clients retry, instead of queueing them until their bodies and buffers fill the heap.
 */
public final class InFlightCalls {

    private final long maxCalls;
    private final long maxBytes;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public InFlightCalls(long maxCalls, long maxBytes) {
        this.maxCalls = maxCalls;
        this.maxBytes = maxBytes;
    }

    /**
     * Takes one call and {@code bodyBytes} if both fit; on true the caller must {@link #exit} once.
     * A body larger than the whole byte bound is let in while nothing else is in flight, so the
     * bound never refuses what the request size limit allows.
     */
    public boolean tryEnter(long bodyBytes) {
        if (calls.incrementAndGet() > maxCalls) {
            calls.decrementAndGet();
            return false;
        }
        long now;
        do {
            now = bytes.get();
            if (now > 0 && now + bodyBytes > maxBytes) {
                calls.decrementAndGet();
                return false;
            }
        } while (!bytes.compareAndSet(now, now + bodyBytes));
        return true;
    }

    public void exit(long bodyBytes) {
        bytes.addAndGet(-bodyBytes);
        calls.decrementAndGet();
    }

    public long calls() {
        return calls.get();
    }

    public long bytes() {
        return bytes.get();
    }
}
