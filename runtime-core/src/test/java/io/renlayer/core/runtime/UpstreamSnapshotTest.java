package io.renlayer.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpstreamSnapshotTest {

    @Test
    void servesModelsByExactNamePrefixOrWildcard() {
        UpstreamSnapshot some = upstream(List.of("gpt-4o*", "o3"));
        assertThat(some.serves("gpt-4o")).isTrue();
        assertThat(some.serves("gpt-4o-mini")).isTrue();
        assertThat(some.serves("o3")).isTrue();
        assertThat(some.serves("o3-mini")).isFalse();
        assertThat(some.serves("claude-sonnet-4")).isFalse();
        assertThat(some.serves(null)).isFalse();

        assertThat(upstream(List.of("*")).serves("anything")).isTrue();
    }

    @Test
    void neverPrintsItsCredential() {
        assertThat(upstream(List.of("*")).toString()).doesNotContain("sk-secret");
    }

    private static UpstreamSnapshot upstream(List<String> models) {
        return new UpstreamSnapshot(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "main",
                "openai",
                "http://127.0.0.1:9",
                "sk-secret",
                models,
                UpstreamSnapshot.Resilience.DEFAULTS,
                Map.of());
    }
}
