package io.renlayer.plugins.dlp;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.tck.DlpDetectorContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** The SPI's detector contract, for each built-in detector. */
class BuiltInDetectorsContractTest {

    @Nested
    class Pii implements DlpDetectorContract {
        public DlpDetector newDetector() {
            return new PiiDetector();
        }

        public List<String> positiveSamples() {
            return List.of("mail jane@acme.io", "card 4111 1111 1111 1111");
        }
    }

    @Nested
    class Secrets implements DlpDetectorContract {
        public DlpDetector newDetector() {
            return new SecretsDetector();
        }

        public List<String> positiveSamples() {
            return List.of("key AKIAQWERTYUIOPASDFGH here");
        }
    }

    @Nested
    class SourceCode implements DlpDetectorContract {
        public DlpDetector newDetector() {
            return new SourceCodeDetector();
        }

        public List<String> positiveSamples() {
            return List.of("```\nint a = 1;\nint b = 2;\nint c = a + b;\nprint(c);\nreturn c;\n```");
        }
    }
}
