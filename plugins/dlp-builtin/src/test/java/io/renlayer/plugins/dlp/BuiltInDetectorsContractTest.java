package io.renlayer.plugins.dlp;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.tck.DlpDetectorContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The SPI's detector contract, for each built-in detector. */
class BuiltInDetectorsContractTest {

    @Nested
    class Pii implements DlpDetectorContract {
        public DlpDetector newDetector() { return new PiiDetector(); }
        public List<String> positiveSamples() { return List.of("mail jane@acme.io", "card 4111 1111 1111 1111"); }
    }

    @Nested
    class Secrets implements DlpDetectorContract {
        public DlpDetector newDetector() { return new SecretsDetector(); }
        public List<String> positiveSamples() { return List.of("key AKIAQWERTYUIOPASDFGH here"); }
    }
}
