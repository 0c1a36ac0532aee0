package io.renlayer.spi.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DlpDetector} must meet, as JUnit 5 tests. Implement this interface in a
 * test class of your plugin's build:
 *
 * <pre>{@code
 * class AcmeDetectorContractTest implements DlpDetectorContract {
 *     public DlpDetector newDetector() { return new AcmeEmployeeIdDetector(); }
 *     public List<String> positiveSamples() { return List.of("badge ACME-123456 please"); }
 * }
 * }</pre>
 */
public interface DlpDetectorContract {

    /** Id rule shared by every plugin kind. */
    Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A fresh detector, configured as the gateway would create it. */
    DlpDetector newDetector();

    /** Texts in which the detector must find at least one thing. */
    List<String> positiveSamples();

    @Test
    default void idIsWellFormedAndStable() {
        DlpDetector detector = newDetector();
        assertTrue(ID.matcher(detector.id()).matches(), "id '" + detector.id() + "' must match " + ID);
        assertEquals(detector.id(), detector.id(), "id must not change between calls");
        assertEquals(detector.id(), newDetector().id(), "id must not change between instances");
        assertFalse(detector.version() == null || detector.version().isBlank(), "version must be declared");
    }

    @Test
    default void findsSomethingInEveryPositiveSample() {
        DlpDetector detector = newDetector();
        assertFalse(positiveSamples().isEmpty(), "give at least one positive sample");
        for (String sample : positiveSamples()) {
            assertFalse(scan(detector, sample, "tenant-a").isEmpty(), "nothing found in a positive sample");
        }
    }

    @Test
    default void findingsStayWithinTheText() {
        DlpDetector detector = newDetector();
        List<String> texts = new ArrayList<>(positiveSamples());
        texts.add("");
        texts.add(" ");
        texts.add("\u00e9\u00e8 \ud83d\ude00 \u4e2d\u6587 \u0000 \r\n\t");
        texts.add("x".repeat(200_000));
        for (String sample : positiveSamples()) {
            texts.add("\ud83d\ude00".repeat(50) + sample + "\ud83d\ude00".repeat(50));
        }
        for (String text : texts) {
            for (Finding f : scan(detector, text, "tenant-a")) {
                assertTrue(f.end() <= text.length(), "finding " + f + " runs past the text (" + text.length() + ")");
            }
        }
    }

    @Test
    default void isThreadSafe() throws Exception {
        DlpDetector detector = newDetector();
        List<List<Finding>> expected = new ArrayList<>();
        for (String sample : positiveSamples()) {
            expected.add(scan(detector, sample, "tenant-a"));
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // All threads start together and each scans many times, to make races show.
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 200; round++) {
                        int i = round % expected.size();
                        if (!expected.get(i)
                                .equals(scan(detector, positiveSamples().get(i), "tenant-a"))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            start.countDown();
            for (Future<Boolean> run : runs) {
                try {
                    assertTrue(run.get(), "concurrent scans gave different findings than a sequential scan");
                } catch (ExecutionException e) {
                    fail("a concurrent scan threw " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void keepsNothingBetweenTenants() {
        DlpDetector shared = newDetector();
        for (String sample : positiveSamples()) {
            List<Finding> fresh = scan(newDetector(), sample, "tenant-b");
            scan(shared, sample + " " + sample, "tenant-a");
            assertEquals(
                    fresh,
                    scan(shared, sample, "tenant-b"),
                    "what tenant-b sees must not depend on what was scanned for tenant-a before");
        }
    }

    private static List<Finding> scan(DlpDetector detector, String text, String tenant) {
        List<Finding> findings = detector.scan(ScanInput.of(text, tenant, ScanInput.Phase.REQUEST));
        assertNotNull(findings, "scan must return a list, never null");
        return findings;
    }
}
