package io.renlayer.proxy.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.renlayer.admin.plugins.PluginHealth;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CountedDetectorCallTest {

    private final CountingDetector detector = new CountingDetector();
    private final PluginHealth health = new PluginHealth();
    private final ScanInput input = ScanInput.of("some prompt", "00000000-0000-0000-0000-000000000001", ScanInput.Phase.REQUEST);

    @Test
    void aCallGivenUpBeforeItsThreadStartsFreesItsSlotAndNeverScans() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService busy = Executors.newSingleThreadExecutor()) {
            busy.submit(() -> { release.await(); return null; }); // the only thread is taken, as on a saturated machine
            assertThat(health.tryStart(64)).isTrue();
            CountedDetectorCall counted = new CountedDetectorCall(detector, input, health);
            Future<List<Finding>> call = busy.submit(counted);

            assertThatThrownBy(() -> call.get(50, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            call.cancel(true);
            counted.abandon();
            assertThat(health.inFlight()).isZero();

            counted.call(); // a thread that got to it anyway
            release.countDown();
        }
        assertThat(health.inFlight()).isZero();
        assertThat(detector.scans.get()).isZero();
    }

    @Test
    void aCallThatRanFreesItsSlotOnceWhenItReturnsEvenIfAbandonedToo() {
        assertThat(health.tryStart(64)).isTrue();
        CountedDetectorCall counted = new CountedDetectorCall(detector, input, health);

        assertThat(counted.call()).hasSize(1);
        counted.abandon();

        assertThat(health.inFlight()).isZero();
        assertThat(detector.scans.get()).isEqualTo(1);
    }

    @Test
    void aRunningCallAbandonedByTheCallerHoldsItsSlotUntilItReturns() throws Exception {
        CountDownLatch scanning = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        detector.onScan = () -> {
            scanning.countDown();
            finish.await();
        };
        assertThat(health.tryStart(64)).isTrue();
        CountedDetectorCall counted = new CountedDetectorCall(detector, input, health);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            pool.submit(counted);
            scanning.await();
            counted.abandon();
            assertThat(health.inFlight()).as("the hung thread still runs plugin code").isEqualTo(1);
            finish.countDown();
        }
        assertThat(health.inFlight()).isZero();
    }

    private static final class CountingDetector implements DlpDetector {
        final AtomicInteger scans = new AtomicInteger();
        volatile Blocking onScan = () -> {};

        @Override public String id() { return "counting"; }
        @Override public String version() { return "0"; }

        @Override
        public List<Finding> scan(ScanInput input) {
            scans.incrementAndGet();
            try {
                onScan.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(Finding.of("TEST", 0, 4, 1.0));
        }
    }

    private interface Blocking {
        void run() throws InterruptedException;
    }
}
