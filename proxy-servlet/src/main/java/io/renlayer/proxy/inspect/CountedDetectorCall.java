package io.renlayer.proxy.inspect;

import io.renlayer.admin.plugins.PluginHealth;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One vendor detector call counted in its health's in-flight calls, which it releases exactly once:
 * when the scan returns, or when the caller gives up on a call whose thread has not started it yet.
 * A cancelled task whose thread never started would otherwise hold its slot for good (a loaded
 * machine can start a thread later than the budget), and enough of those shut the detector out.
 */
final class CountedDetectorCall implements Callable<List<Finding>> {

    private final DlpDetector detector;
    private final ScanInput input;
    private final PluginHealth health;
    /** Taken by whichever comes first: the thread starting the scan, or the caller abandoning it. */
    private final AtomicBoolean claimed = new AtomicBoolean();

    CountedDetectorCall(DlpDetector detector, ScanInput input, PluginHealth health) {
        this.detector = detector;
        this.input = input;
        this.health = health;
    }

    @Override
    public List<Finding> call() {
        if (!claimed.compareAndSet(false, true)) {
            return List.of(); // abandoned before it started; its slot is already released
        }
        try {
            return detector.scan(input);
        } finally {
            health.ended();
        }
    }

    /** The caller stopped waiting: a scan not started yet never will, and frees its slot now. */
    void abandon() {
        if (claimed.compareAndSet(false, true)) {
            health.ended();
        }
    }
}
