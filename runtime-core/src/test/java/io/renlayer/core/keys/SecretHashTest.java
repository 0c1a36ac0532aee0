package io.renlayer.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretHashTest {

    @Test
    void isSha256OfTheUtf8Secret() {
        // Known answer: sha256("abc").
        assertThat(HexFormat.of().formatHex(SecretHash.of("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void matchesOnlyTheSameSecret() {
        byte[] stored = SecretHash.of("s3cret-value");
        assertThat(SecretHash.matches("s3cret-value", stored)).isTrue();
        assertThat(SecretHash.matches("s3cret-valuf", stored)).isFalse();
        assertThat(SecretHash.matches("", stored)).isFalse();
    }
}
