package io.renlayer.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VirtualKeyTest {

    @Test
    void generatedKeysRoundTripThroughTheirText() {
        VirtualKey key = VirtualKey.generate();
        String text = key.reveal();

        assertThat(text).matches("rk_live_[0-9A-Za-z]{12}_[0-9A-Za-z]{40}");
        VirtualKey parsed = VirtualKey.parse(text).orElseThrow();
        assertThat(parsed.prefix()).isEqualTo(key.prefix());
        assertThat(parsed.secret()).isEqualTo(key.secret());
    }

    @Test
    void generatedKeysDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            VirtualKey key = VirtualKey.generate();
            assertThat(seen.add(key.prefix())).isTrue();
            assertThat(seen.add(key.secret())).isTrue();
        }
    }

    @Test
    void rejectsTextThatIsNotAVirtualKey() {
        String good = VirtualKey.generate().reveal();
        assertThat(VirtualKey.parse(null)).isEmpty();
        assertThat(VirtualKey.parse("")).isEmpty();
        assertThat(VirtualKey.parse("sk-proj-abc")).isEmpty();
        assertThat(VirtualKey.parse(good.replace("rk_live_", "rk_test_"))).isEmpty();
        assertThat(VirtualKey.parse(good + "x")).isEmpty();
        assertThat(VirtualKey.parse(good.substring(0, good.length() - 1))).isEmpty();
        assertThat(VirtualKey.parse(good.substring(0, 15) + "_" + good.substring(16)))
                .isEmpty();
        assertThat(VirtualKey.parse(good.substring(0, good.length() - 1) + "-")).isEmpty();
    }

    @Test
    void neverPrintsItsSecret() {
        VirtualKey key = VirtualKey.generate();
        assertThat(key.toString()).doesNotContain(key.secret()).contains(key.prefix());
    }
}
