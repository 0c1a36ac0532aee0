package io.renlayer.plugins.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigitClustersTest {

    @Test
    void digitsAndTheSeparatorsBetweenThemFormOneClusterEndingAtItsLastDigit() {
        String text = "call (555) 123-4567, ip 10.0.0.1 and 7";
        //             0123456789012345678901234567890123456789

        assertThat(clusters(text)).containsExactly(
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

    private static List<List<Integer>> clusters(String text) {
        return PiiDetector.clusters(text).stream().map(c -> List.of(c[0], c[1], c[2])).toList();
    }
}
