package io.renlayer.proxy.forward;

import java.util.concurrent.Semaphore;

/**
 * How many calls servlet threads may forward themselves at once. A call forwarded where it
 * arrived needs no hand-off to another thread, no wake-up to finish it and no asynchronous
 * completion, which on a small VM is much of a fast call's cost. The bound keeps slow upstreams
 * from holding the container's threads: past it, calls go to virtual threads as streams do.
 */
public final class InlineCalls {

    private final int bound;
    private final Semaphore slots;

    public InlineCalls(int bound) {
        this.bound = Math.max(0, bound);
        this.slots = new Semaphore(this.bound);
    }

    /** True when the caller may forward on its own thread; it must then {@link #exit} once. */
    public boolean tryEnter() {
        return slots.tryAcquire();
    }

    public void exit() {
        slots.release();
    }

    /** The calls being forwarded inline now. */
    public int calls() {
        return bound - slots.availablePermits();
    }
}
