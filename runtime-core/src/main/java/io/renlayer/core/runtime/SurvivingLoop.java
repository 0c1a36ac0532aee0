package io.renlayer.core.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The body of a background thread that must last as long as the server: it repeats a step while
 * {@code keepGoing} holds, and a step that fails unexpectedly (an {@link OutOfMemoryError} under
 * overload, above all) is logged and repeated after a pause instead of ending the thread. A
 * thread that ended would leave traces unwritten or caches stale for the life of the server.
 */
public final class SurvivingLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(SurvivingLoop.class.getName());

    private final String name;
    private final BooleanSupplier keepGoing;
    private final Runnable step;
    private final Duration pauseAfterFailure;
    private long failures;

    public SurvivingLoop(String name, BooleanSupplier keepGoing, Runnable step, Duration pauseAfterFailure) {
        this.name = name;
        this.keepGoing = keepGoing;
        this.step = step;
        this.pauseAfterFailure = pauseAfterFailure;
    }

    @Override
    public void run() {
        while (keepGoing.getAsBoolean()) {
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                failures++;
                LOG.log(Level.SEVERE, name + " failed (" + failures + " so far); going on after a pause", e);
                pause();
            }
        }
    }

    /** Unexpected failures survived so far. */
    public long failures() {
        return failures;
    }

    private void pause() {
        try {
            Thread.sleep(pauseAfterFailure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the step sees it: stopping is its decision
        }
    }
}
