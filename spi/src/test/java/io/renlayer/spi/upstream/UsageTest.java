package io.renlayer.spi.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void mergeKeepsEarlierCountsTheLaterReportLacks() {
        Usage start = Usage.of(12, -1);
        Usage delta = Usage.of(-1, 30);

        Usage merged = start.merge(delta);

        assertThat(merged.promptTokens()).isEqualTo(12);
        assertThat(merged.completionTokens()).isEqualTo(30);
        assertThat(merged.totalTokens()).isEqualTo(42);
    }

    @Test
    void unknownStaysUnknownUntilSomethingIsReported() {
        assertThat(Usage.of(-1, -1)).isSameAs(Usage.UNKNOWN);
        assertThat(Usage.UNKNOWN.isKnown()).isFalse();
        assertThat(Usage.UNKNOWN.totalTokens()).isEqualTo(-1);
        assertThat(Usage.UNKNOWN.merge(Usage.of(3, 4))).isEqualTo(Usage.of(3, 4));
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> Usage.of(-5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
