package io.renlayer.testplugins.libraryversion;

import com.google.gson.Gson;
import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * Built twice, each time with another Gson version inside (test-plugins/gson-2.10 and gson-2.13):
 * on the cue {@code which-gson} each reports the Gson version its own class loader gave it. Were
 * the two jars to share one loader, both would report the same version.
 */
public final class GsonVersionPlugin implements RenLayerPlugin {

    private static final String CUE = "which-gson";
    private final String gsonVersion = gsonVersion();

    @Override
    public String vendor() {
        return "RenLayer tests";
    }

    @Override
    public List<DlpDetector> dlpDetectors() {
        return List.of(new GsonVersionDetector(gsonVersion));
    }

    private static String gsonVersion() {
        try (InputStream in = Gson.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/com.google.code.gson/gson/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record GsonVersionDetector(String gsonVersion) implements DlpDetector {
        @Override
        public String id() {
            return "it-gson-" + gsonVersion.replace('.', '-');
        }

        @Override
        public String version() {
            return gsonVersion;
        }

        @Override
        public List<Finding> scan(ScanInput input) {
            int at = input.text().indexOf(CUE);
            if (at < 0) {
                return List.of();
            }
            String json = new Gson().toJson(List.of(gsonVersion)); // the library works, not just loads
            String type = "GSON_" + json.replaceAll("[^0-9]+", "_").replaceAll("^_|_$", "");
            return List.of(Finding.of(type, at, at + CUE.length(), 1.0));
        }
    }
}
