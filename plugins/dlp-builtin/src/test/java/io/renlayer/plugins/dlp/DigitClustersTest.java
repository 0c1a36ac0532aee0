package io.renlayer.plugins.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigitClustersTest {

    @Test
    void digitsAndTheSeparatorsBetweenThemFormOneClusterEndingAtItsLastDigit() {
        String text = "call (555) 123-4567, ip 10.0.0.1 and 7";
        //             0123456789012345678901234567890123456789

        assertThat(clusters(text))
                .containsExactly(
                        List.of(6, 19, 10), // "555) 123-4567": the "(" before is not part of it, the "," after ends it
                        List.of(24, 32, 5),
                        List.of(37, 38, 1));
    }

    @Test
    void aGapOfMoreThanTwoSeparatorsOrALetterSplitsAClusterAndTextWithoutDigitsHasNone() {
        assertThat(clusters("12 -3")).containsExactly(List.of(0, 5, 3)); // two separators, then a digit again
        assertThat(clusters("12 - 3")).containsExactly(List.of(0, 2, 2), List.of(5, 6, 1));
        assertThat(clusters("4a4")).containsExactly(List.of(0, 1, 1), List.of(2, 3, 1));
        assertThat(clusters("😀 9")).as("a surrogate pair counts as two chars").containsExactly(List.of(3, 4, 1));
        assertThat(clusters("only words here")).isEmpty();
        assertThat(clusters("")).isEmpty();
    }

    @Test
    void aWordHasADigitExactlyWhenOneOfItsBytesIsAnAsciiDigit() {
        for (int b = 0; b < 256; b++) {
            for (int at = 0; at < 8; at++) {
                long word = 0x4141414141414141L & ~(0xffL << (8 * at))
                        | ((long) b << (8 * at)); // "AAAA..." with b at one byte
                assertThat(DigitClusters.hasDigit(word))
                        .as("byte %#x at %d", b, at)
                        .isEqualTo(b >= '0' && b <= '9');
            }
        }
    }

    @Test
    void theWordSkippingPassFindsWhatACharByCharReadingFindsAtEveryChunkSize() {
        // 'µ' (0xb5) and '¹' (0xb9) look like digits once their high bit is dropped. Odd rounds add
        // chars past Latin-1: 'İ' (U+0130) and 'Ĺ' (U+0139), whose low bytes are '0' and '9', 'ā',
        // and '😀', a surrogate pair. Small chunks put clusters and words across chunk boundaries.
        String[] pieces = {
            "a",
            "word ",
            "7",
            "12",
            "-",
            " ",
            "(",
            ")",
            ".",
            "+",
            ":",
            "µ",
            "¹",
            "longer words without any digits at all ",
            "4111 1111 1111 1111",
            "x",
            "\u0130",
            "\u0139",
            "\u0101",
            "\uD83D\uDE00"
        };
        Random random = new Random(5);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(pieces[random.nextInt(round % 2 == 0 ? pieces.length - 4 : pieces.length)]);
            }
            List<List<Integer>> expected = charByChar(text.toString());
            for (int chunk : new int[] {1, 7, 8, 13, 64, DigitClusters.CHUNK}) {
                assertThat(clusters(text.toString(), chunk))
                        .as("chunk %d: %s", chunk, text)
                        .isEqualTo(expected);
            }
        }
    }

    /** The reading the pass must agree with: every char in turn, no skipping. */
    private static List<List<Integer>> charByChar(String text) {
        List<List<Integer>> found = new ArrayList<>();
        int start = -1;
        int digits = 0;
        int last = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c >= '0' && c <= '9') {
                start = start < 0 ? i : start;
                digits++;
                last = i;
            } else if (start >= 0 && !(" -().+:".indexOf(c) >= 0 && i - last <= 2)) {
                found.add(List.of(start, last + 1, digits));
                start = -1;
                digits = 0;
            }
        }
        return found;
    }

    private static List<List<Integer>> clusters(String text) {
        return clusters(text, DigitClusters.CHUNK);
    }

    private static List<List<Integer>> clusters(String text, int chunk) {
        return DigitClusters.of(text, chunk).stream()
                .map(c -> List.of(c[0], c[1], c[2]))
                .toList();
    }
}
