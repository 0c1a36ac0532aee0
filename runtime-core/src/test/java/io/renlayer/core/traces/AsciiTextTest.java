package io.renlayer.core.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AsciiTextTest {

    @Test
    void aByteAboveAsciiAnywhereMakesTheBytesNoAsciiText() {
        for (int length = 0; length < 40; length++) {
            byte[] bytes = "x".repeat(length).getBytes(StandardCharsets.US_ASCII);
            assertThat(AsciiText.isAscii(bytes)).isTrue();
            for (int at = 0; at < length; at++) {
                byte[] one = bytes.clone();
                one[at] = (byte) 0x80;
                assertThat(AsciiText.isAscii(one))
                        .as("length %d, at %d", length, at)
                        .isFalse();
                assertThat(AsciiText.ofOrNull(one)).isNull();
            }
        }
    }

    @Test
    void readsAsTheTextItsBytesEncode() {
        String text = "{\"content\":\"tab\\t and \\u00e9\"}";
        AsciiText ascii = AsciiText.ofOrNull(text.getBytes(StandardCharsets.US_ASCII));

        assertThat(ascii.toString()).isEqualTo(text);
        assertThat(ascii.length()).isEqualTo(text.length());
        assertThat(ascii.charAt(3)).isEqualTo('o');
        assertThat(ascii.subSequence(2, 9).toString()).isEqualTo(text.substring(2, 9));
        assertThat(ascii).isEqualTo(AsciiText.ofOrNull(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
