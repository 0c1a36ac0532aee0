package io.renlayer.testplugins;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.List;

/**
 * Plugins behaving as badly as real ones can: one throws, one hangs ignoring interrupts. Each only
 * misbehaves when the text carries its cue, so other tests are unaffected.
 */
public final class MisbehavingPlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "RenLayer tests";
    }

    @Override
    public List<DlpDetector> dlpDetectors() {
        return List.of(new Throwing(), new Hanging());
    }

    static final class Throwing implements DlpDetector {
        @Override
        public String id() {
            return "it-throwing";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public List<Finding> scan(ScanInput input) {
            if (input.text().contains("cue-throw")) {
                throw new IllegalStateException("detector bug on purpose");
            }
            return List.of();
        }
    }

    static final class Hanging implements DlpDetector {
        @Override
        public String id() {
            return "it-hanging";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public List<Finding> scan(ScanInput input) {
            if (input.text().contains("cue-hang")) {
                long until = System.currentTimeMillis() + 5_000;
                while (System.currentTimeMillis() < until) {
                    try {
                        Thread.sleep(until - System.currentTimeMillis());
                    } catch (InterruptedException ignoredOnPurpose) {
                        // a badly written plugin swallows the interrupt and keeps going
                    }
                }
            }
            return List.of();
        }
    }
}
