package io.renlayer.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The version in the code, in the manifest and of the compatibility baseline tell one story. */
class SpiVersionTest {

    @Test
    void theConstantIsTheVersionTheBuildStampsIntoTheManifest() {
        assertThat(RenLayerPlugin.SPI_VERSION).isEqualTo(System.getProperty("renlayer.spi.version"));
    }

    @Test
    void theBaselineIsAnEarlierReleaseOfTheSameMajor() {
        String[] current = RenLayerPlugin.SPI_VERSION.split("\\.");
        String[] baseline = System.getProperty("renlayer.spi.baseline").split("\\.");
        assertThat(baseline[0])
                .as("a new major starts a new baseline: set renlayer.spi.baseline to its first release")
                .isEqualTo(current[0]);
        assertThat(Integer.parseInt(baseline[1])).isLessThanOrEqualTo(Integer.parseInt(current[1]));
        assertThat(Files.isRegularFile(Path.of(System.getProperty("renlayer.spi.baseline.jar"))))
                .isTrue();
    }
}
