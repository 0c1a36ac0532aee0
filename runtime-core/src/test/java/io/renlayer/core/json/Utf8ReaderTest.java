package io.renlayer.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {

    /** One, two, three and four bytes per char: ASCII, Latin-1, the BMP beyond, and a surrogate pair. */
    private static final String[] PIECES = {"a", "Z", " ", "\"", "é", "ß", "€", "中", "😀", "𝄞"};

    @Test
    void readsWhatStringDecodingGivesWhateverTheCallersBufferSize() throws IOException {
        Random random = new Random(7);
        for (int text = 0; text < 300; text++) {
            StringBuilder expected = new StringBuilder();
            for (int n = random.nextInt(200); n > 0; n--) {
                expected.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] utf8 = expected.toString().getBytes(StandardCharsets.UTF_8);
            for (int size : new int[] {1, 2, 3, 7, 4096}) {
                assertThat(readAll(new Utf8Reader(utf8), size))
                        .as("buffer of %d", size)
                        .isEqualTo(expected.toString());
            }
        }
    }

    @Test
    void malformedBytesBecomeWhatStringDecodingMakesOfThem() throws IOException {
        byte[][] malformed = {
            {'a', (byte) 0xC3},
            {(byte) 0xFF, 'b'},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x9F, 'x'},
            {(byte) 0x80, (byte) 0x80}
        };
        for (byte[] bytes : malformed) {
            for (int size : new int[] {1, 4096}) {
                assertThat(readAll(new Utf8Reader(bytes), size)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void anEmptyBodyEndsAtOnce() throws IOException {
        assertThat(new Utf8Reader(new byte[0]).read(new char[8], 0, 8)).isEqualTo(-1);
    }

    private static String readAll(Reader reader, int bufferSize) throws IOException {
        StringBuilder read = new StringBuilder();
        char[] buffer = new char[bufferSize];
        for (int n; (n = reader.read(buffer, 0, bufferSize)) != -1; ) {
            assertThat(n).as("a read returns a char or the end").isPositive();
            read.append(buffer, 0, n);
        }
        return read.toString();
    }
}
