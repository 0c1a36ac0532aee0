package io.renlayer.bench.dlp;

import io.renlayer.plugins.dlp.BuiltInDlpPlugin;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.ScanInput;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The full built-in set (PII and secrets) over one chat body, as the proxy runs it on a prompt:
 * time per body, single thread. bench/dlp.sh turns it into MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BuiltInDetectorsBenchmark {

    @Param({"4096", "65536"})
    public int bytes;

    @Param({"false", "true"})
    public boolean findings;

    private List<DlpDetector> detectors;
    private ScanInput input;

    @Setup
    public void setUp() {
        detectors = new BuiltInDlpPlugin().dlpDetectors();
        input = ScanInput.of(ChatBodies.text(bytes, findings, 42), "bench-tenant", ScanInput.Phase.REQUEST);
        int found = detectors.stream().mapToInt(d -> d.scan(input).size()).sum();
        if (findings == (found == 0)) {
            throw new IllegalStateException("the body does not match its label: " + found + " findings");
        }
    }

    @Benchmark
    public void scanBody(Blackhole sink) {
        for (DlpDetector detector : detectors) {
            sink.consume(detector.scan(input));
        }
    }
}
