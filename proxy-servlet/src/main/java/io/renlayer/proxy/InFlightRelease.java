package io.renlayer.proxy;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicBoolean;

/** Releases what a call holds (its in-flight slot) once: now, or when an asynchronous call ends. */
final class InFlightRelease {

    private InFlightRelease() {}

    /** A call that went asynchronous (forwarded) leaves when its response completes, not now. */
    static void whenDone(HttpServletRequest request, Runnable release) {
        if (!request.isAsyncStarted()) {
            release.run();
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                release();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                release();
            }

            @Override
            public void onError(AsyncEvent event) {
                release();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // the same call, still in flight
            }

            private void release() {
                if (released.compareAndSet(false, true)) {
                    release.run();
                }
            }
        });
    }
}
