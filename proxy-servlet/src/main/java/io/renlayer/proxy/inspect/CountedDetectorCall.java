package io.renlayer.proxy.inspect;

import io.renlayer.core.plugins.PluginHealth;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One vendor detector call counted in its health's in-flight calls, which it releases exactly once:
 * when its thread is done with it, or when it is cancelled before a thread has started it. A plain
 * task cancelled before its thread started never runs its own release, so it would hold its slot
 * for good (a loaded machine can start a thread later than the budget), and enough of those shut
 * the detector out.
 */
final class CountedDetectorCall extends FutureTask<List<Finding>> {

    private final PluginHealth health;
    /** Taken by whichever comes first: the thread starting the call, or a cancel before that. */
    private final AtomicBoolean claimed = new AtomicBoolean();

    CountedDetectorCall(DlpDetector detector, ScanInput input, PluginHealth health) {
        super(() -> detector.scan(input));
        this.health = health;
    }

    @Override
    public void run() {
        if (!claimed.compareAndSet(false, true)) {
            return; // cancelled before it started; its slot is already released
        }
        try {
            super.run(); // skips the scan if cancelled since; either way the slot is released below
        } finally {
            health.ended();
        }
    }

    /** Also interrupts a running scan (a well-behaved plugin stops); one not started frees its slot now. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (claimed.compareAndSet(false, true)) {
            health.ended();
        }
        return cancelled;
    }
}
