package io.renlayer.spi.dlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FindingTest {

    @Test
    void acceptsAWellFormedSpan() {
        Finding f = Finding.of("EMAIL_ADDRESS", 3, 10, 0.9);
        assertThat(f.type()).isEqualTo("EMAIL_ADDRESS");
        assertThat(f.end() - f.start()).isEqualTo(7);
    }

    @Test
    void rejectsMalformedFindings() {
        assertThatThrownBy(() -> Finding.of(" ", 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Finding.of("T", -1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Finding.of("T", 4, 4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Finding.of("T", 0, 1, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Finding.of("T", 0, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
