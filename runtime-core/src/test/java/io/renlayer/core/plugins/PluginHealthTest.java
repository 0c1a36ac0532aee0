package io.renlayer.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PluginHealthTest {

    @Test
    void concurrentCallersNeverOvershootTheInFlightBound() throws Exception {
        PluginHealth health = new PluginHealth();
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 1000; i++) {
                pool.submit(() -> {
                    start.await();
                    if (health.tryStart(64)) {
                        admitted.incrementAndGet();
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(admitted.get()).isEqualTo(64);
        assertThat(health.inFlight()).isEqualTo(64);
        health.ended();
        assertThat(health.tryStart(64)).isTrue();
    }

    @Test
    void reportsDegradedAfterAProblemAndKeepsTheLastError() {
        PluginHealth health = new PluginHealth();
        assertThat(health.snapshot().status()).isEqualTo("ok");

        health.tryStart(1);
        health.failed(new IllegalStateException("x".repeat(500)));
        health.ended();
        health.timedOut(Duration.ofMillis(100));

        PluginHealth.Snapshot snapshot = health.snapshot();
        assertThat(snapshot.status()).isEqualTo("degraded");
        assertThat(snapshot.failures()).isEqualTo(1);
        assertThat(snapshot.timeouts()).isEqualTo(1);
        assertThat(snapshot.lastError()).isEqualTo("exceeded its 100 ms budget");
        assertThat(snapshot.inFlight()).isZero();
    }
}
