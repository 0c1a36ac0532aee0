package io.renlayer.core.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed attempts (wrong passwords, unknown keys or tokens) per key, a source address or a
 * source and an account, in fixed windows: past {@code max} failures a key is refused until its
 * window ends. A success does not reset the count, so interleaving a valid credential does not
 * buy more guesses. Counts live in this server's memory: bounded, lost on restart, per server.
 */
public final class FailureThrottle {

    private final int max;
    private final long windowNanos;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long startNanos, int failures) {}

    public FailureThrottle(int max, Duration window, int maxKeys) {
        this.max = max;
        this.windowNanos = window.toNanos();
        this.maxKeys = maxKeys;
    }

    /** Seconds until the key may try again; 0 when it may now. */
    public long retryAfterSeconds(String key) {
        Window w = windows.get(key);
        long now = System.nanoTime();
        if (w == null || w.failures() < max || now - w.startNanos() >= windowNanos) {
            return 0;
        }
        return Math.max(1, (w.startNanos() + windowNanos - now + 999_999_999L) / 1_000_000_000L);
    }

    public void failed(String key) {
        long now = System.nanoTime();
        if (windows.size() >= maxKeys) {
            windows.values().removeIf(w -> now - w.startNanos() >= windowNanos);
            if (windows.size() >= maxKeys) {
                windows.clear(); // a flood of distinct sources: start over rather than grow
            }
        }
        windows.compute(
                key,
                (k, w) -> w == null || now - w.startNanos() >= windowNanos
                        ? new Window(now, 1)
                        : new Window(w.startNanos(), w.failures() + 1));
    }
}
