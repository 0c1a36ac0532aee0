package io.renlayer.core.plugins;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call into a vendor's plugin under the time budget: on a thread of its own, so that a plugin
 * that hangs costs the call its budget and no more. Java cannot stop a hung thread, so a plugin
 * with {@value #MAX_IN_FLIGHT} calls still running is not called again until they end. The
 * gateway's own plugins are called on the caller's thread: a hand-off would cost more than they do.
 */
public final class PluginCalls {

    /** Calls of one plugin that may still be running when it is called again. */
    public static final int MAX_IN_FLIGHT = 64;

    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private PluginCalls() {}

    /**
     * @param inline the gateway's own plugin: called here, without a hand-off or a budget
     * @throws PluginCallFailed when the plugin threw, overran the budget or is still stuck in earlier calls
     */
    public static <T> T call(PluginHealth health, boolean inline, Duration budget, Callable<T> work)
            throws PluginCallFailed {
        if (inline) {
            return inline(health, work);
        }
        if (!health.tryStart(MAX_IN_FLIGHT)) {
            IllegalStateException stuck = new IllegalStateException(MAX_IN_FLIGHT + " calls still running");
            health.failed(stuck);
            throw new PluginCallFailed(stuck);
        }
        Future<T> call = THREADS.submit(() -> {
            try {
                return work.call();
            } finally {
                health.ended();
            }
        });
        try {
            return call.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            health.timedOut(budget);
            throw new PluginCallFailed(e);
        } catch (ExecutionException e) {
            health.failed(e.getCause());
            throw new PluginCallFailed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new PluginCallFailed(e);
        }
    }

    private static <T> T inline(PluginHealth health, Callable<T> work) throws PluginCallFailed {
        health.startedInline();
        try {
            return work.call();
        } catch (Exception | StackOverflowError e) {
            health.failed(e);
            throw new PluginCallFailed(e);
        }
    }

    /** The plugin did not give an answer in time, or threw; the tenant's fail mode decides. */
    public static final class PluginCallFailed extends Exception {
        PluginCallFailed(Throwable cause) {
            super(cause == null ? "plugin call failed" : cause.getClass().getSimpleName(), cause, false, false);
        }
    }
}
