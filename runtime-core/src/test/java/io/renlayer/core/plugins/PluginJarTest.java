package io.renlayer.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginJarTest {

    @Test
    void aPluginBuiltAgainstAnEarlierOrEqualMinorLoads() {
        assertThat(jar("1.0").compatibleWith("1.0")).isTrue();
        assertThat(jar("1.0").compatibleWith("1.7")).isTrue();
        assertThat(jar("1").compatibleWith("1.3")).isTrue();
    }

    @Test
    void aPluginBuiltForANewerMinorOrAnotherMajorIsRefused() {
        assertThat(jar("1.9").compatibleWith("1.2")).isFalse();
        assertThat(jar("2.0").compatibleWith("1.4")).isFalse();
        assertThat(jar("0.9").compatibleWith("1.0")).isFalse();
        assertThat(jar("not-a-version").compatibleWith("1.0")).isFalse();
    }

    @Test
    void aJarThatDeclaresNothingIsGivenTheBenefitOfTheDoubt() {
        assertThat(new PluginJar("x.jar", Optional.empty()).compatibleWith("1.0"))
                .isTrue();
    }

    private static PluginJar jar(String declared) {
        return new PluginJar("x.jar", Optional.of(declared));
    }
}
