package io.renlayer.proxy.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.renlayer.core.plugins.PluginHealth;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CountedDetectorCallTest {

    private final CountingDetector detector = new CountingDetector();
    private final PluginHealth health = new PluginHealth();
    private final ScanInput input =
            ScanInput.of("some prompt", "00000000-0000-0000-0000-000000000001", ScanInput.Phase.REQUEST);

    @Test
    void aCallCancelledBeforeItsThreadStartsFreesItsSlotAndNeverScans() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService busy = Executors.newSingleThreadExecutor()) {
            busy.submit(() -> {
                release.await();
                return null;
            }); // the only thread is taken, as on a saturated machine
            assertThat(health.tryStart(64)).isTrue();
            CountedDetectorCall call = new CountedDetectorCall(detector, input, health);
            busy.execute(call);

            assertThatThrownBy(() -> call.get(50, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(call.cancel(true)).isTrue();
            assertThat(health.inFlight()).isZero();

            call.run(); // a thread that got to it anyway
            release.countDown();
        }
        assertThat(health.inFlight()).isZero();
        assertThat(detector.scans.get()).isZero();
    }

    @Test
    void aCallThatRanFreesItsSlotOnceWhenItReturnsEvenIfCancelledAfter() throws Exception {
        assertThat(health.tryStart(64)).isTrue();
        CountedDetectorCall call = new CountedDetectorCall(detector, input, health);

        call.run();
        assertThat(call.get()).hasSize(1);
        assertThat(call.cancel(true)).isFalse();

        assertThat(health.inFlight()).isZero();
        assertThat(detector.scans.get()).isEqualTo(1);
    }

    @Test
    void aRunningCallCancelledByTheCallerHoldsItsSlotUntilItReturns() throws Exception {
        CountDownLatch scanning = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        detector.onScan = () -> {
            scanning.countDown();
            awaitIgnoringInterrupts(finish); // a hung plugin that ignores the interrupt
        };
        assertThat(health.tryStart(64)).isTrue();
        CountedDetectorCall call = new CountedDetectorCall(detector, input, health);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            pool.execute(call);
            scanning.await();
            assertThat(call.cancel(true)).isTrue();
            assertThat(health.inFlight())
                    .as("the hung thread still runs plugin code")
                    .isEqualTo(1);
            finish.countDown();
        }
        assertThat(health.inFlight()).isZero();
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException ignored) {
                // keeps waiting, as a plugin stuck in native or busy code would
            }
        }
    }

    private static final class CountingDetector implements DlpDetector {
        final AtomicInteger scans = new AtomicInteger();
        volatile Runnable onScan = () -> {};

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public List<Finding> scan(ScanInput input) {
            scans.incrementAndGet();
            onScan.run();
            return List.of(Finding.of("TEST", 0, 4, 1.0));
        }
    }
}
