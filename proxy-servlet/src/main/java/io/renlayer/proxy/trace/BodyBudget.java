package io.renlayer.proxy.trace;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bound on the bytes of request and response bodies that queued trace rows hold until the
 * writer redacts them. Rows are bounded in number by the queue; their bodies, up to the request
 * size limit each, need a bound of their own, or a burst of large calls fills the heap.
 */
final class BodyBudget {

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code bytes} from the budget if they fit; a body larger than the whole budget never does. */
    boolean tryHold(long bytes) {
        long now;
        do {
            now = held.get();
            if (now + bytes > limit) {
                return false;
            }
        } while (!held.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }
}
