package io.renlayer.core.plugins.jars;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.List;

/** Packed into a jar by PluginLoaderTest: a detector "echo" that says what it can see. */
public class EchoPlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "Echo Corp";
    }

    @Override
    public List<DlpDetector> dlpDetectors() {
        return List.of(new Echo());
    }

    /** Whether a class of the gateway or of another plugin is visible from this plugin's loader. */
    public static boolean sees(String className) {
        try {
            Class.forName(className, false, EchoPlugin.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static final class Echo implements DlpDetector {
        @Override
        public String id() {
            return "echo";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<Finding> scan(ScanInput input) {
            return List.of();
        }
    }
}
