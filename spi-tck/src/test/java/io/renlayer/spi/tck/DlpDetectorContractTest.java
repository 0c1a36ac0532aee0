package io.renlayer.spi.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The kit must catch the mistakes it promises to catch. */
class DlpDetectorContractTest {

    @Test
    void acceptsAWellBehavedDetector() throws Exception {
        DlpDetectorContract contract = contract(() -> new FixedDetector("good-one"), "x marks the spot");
        contract.idIsWellFormedAndStable();
        contract.findsSomethingInEveryPositiveSample();
        contract.findingsStayWithinTheText();
        contract.isThreadSafe();
        contract.keepsNothingBetweenTenants();
    }

    @Test
    void catchesAMalformedId() {
        assertThrows(
                AssertionFailedError.class,
                () -> contract(() -> new FixedDetector("Bad_Id"), "x").idIsWellFormedAndStable());
    }

    @Test
    void catchesFindingsPastTheEndOfTheText() {
        DlpDetector overshooting = new FixedDetector("overshoot") {
            @Override
            public List<Finding> scan(ScanInput input) {
                return List.of(Finding.of("T", 0, input.text().length() + 1, 1.0));
            }
        };
        assertThrows(
                AssertionFailedError.class,
                () -> contract(() -> overshooting, "x").findingsStayWithinTheText());
    }

    @Test
    void catchesStateCarriedFromOneTenantToAnother() {
        assertThrows(
                AssertionFailedError.class,
                () -> contract(RememberingDetector::new, "x").keepsNothingBetweenTenants());
    }

    @Test
    void catchesDetectorsThatAreNotThreadSafe() {
        assertThrows(
                AssertionFailedError.class,
                () -> contract(RacyDetector::new, "x y ".repeat(5_000)).isThreadSafe());
    }

    private static DlpDetectorContract contract(Supplier<DlpDetector> detectors, String sample) {
        return new DlpDetectorContract() {
            @Override
            public DlpDetector newDetector() {
                return detectors.get();
            }

            @Override
            public List<String> positiveSamples() {
                return List.of(sample);
            }
        };
    }

    /** Finds every 'x'. */
    private static class FixedDetector implements DlpDetector {
        private final String id;

        FixedDetector(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<Finding> scan(ScanInput input) {
            List<Finding> found = new ArrayList<>();
            for (int i = input.text().indexOf('x'); i >= 0; i = input.text().indexOf('x', i + 1)) {
                found.add(Finding.of("X", i, i + 1, 1.0));
            }
            return found;
        }
    }

    /** Reports more the more it has seen: state shared across calls and tenants. */
    private static final class RememberingDetector extends FixedDetector {
        private int seen;

        RememberingDetector() {
            super("remembering");
        }

        @Override
        public List<Finding> scan(ScanInput input) {
            seen++;
            return seen > 1 ? List.of(Finding.of("X", 0, 1, 1.0), Finding.of("X", 0, 1, 0.5)) : super.scan(input);
        }
    }

    /** Reuses one Matcher across calls, the classic thread-safety bug of regex detectors. */
    private static final class RacyDetector extends FixedDetector {
        private final Matcher matcher = Pattern.compile("x").matcher("");

        RacyDetector() {
            super("racy");
        }

        @Override
        public List<Finding> scan(ScanInput input) {
            List<Finding> found = new ArrayList<>();
            matcher.reset(input.text());
            while (matcher.find()) {
                found.add(Finding.of("X", matcher.start(), matcher.end(), 1.0));
            }
            return found;
        }
    }
}
