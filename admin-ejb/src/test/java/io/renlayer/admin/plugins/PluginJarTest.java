package io.renlayer.admin.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginJarTest {

    @Test
    void aPluginBuiltForAnyMinorOfTheSameMajorLoads() {
        assertThat(jar("1.0").compatibleWith("1.0")).isTrue();
        assertThat(jar("1.0").compatibleWith("1.7")).isTrue();
        assertThat(jar("1.9").compatibleWith("1.2")).isTrue(); // later minors only add
    }

    @Test
    void aPluginBuiltForANewerMajorIsRefused() {
        assertThat(jar("2.0").compatibleWith("1.4")).isFalse();
        assertThat(jar("not-a-version").compatibleWith("1.0")).isFalse();
    }

    @Test
    void aJarThatDeclaresNothingIsGivenTheBenefitOfTheDoubt() {
        assertThat(new PluginJar("x.jar", Optional.empty()).compatibleWith("1.0")).isTrue();
    }

    private static PluginJar jar(String declared) {
        return new PluginJar("x.jar", Optional.of(declared));
    }
}
