package io.renlayer.proxy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.renlayer.proxy.inspect.DetectedFinding;
import io.renlayer.spi.dlp.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StreamingWindowTest {

    private static final Pattern AWS = Pattern.compile("AKIA[A-Z0-9]{16}");

    /** A stand-in detector: AWS key ids only. */
    private static List<DetectedFinding> scan(String text) {
        List<DetectedFinding> found = new ArrayList<>();
        Matcher m = AWS.matcher(text);
        while (m.find()) {
            found.add(new DetectedFinding("t", Finding.of("AWS_ACCESS_KEY_ID", m.start(), m.end(), 1.0)));
        }
        return found;
    }

    private static String stream(List<String> pieces) {
        StreamingWindow window = new StreamingWindow();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            String text = window.append(pieces.get(i));
            out.append(window.release(scan(text), i == pieces.size() - 1, f -> true));
        }
        return out.toString();
    }

    @Test
    void aSecretSplitAcrossPiecesIsRedactedWhole() {
        assertThat(stream(List.of("Echo: my key is AKIAQWER", "TYUIOPASDFGH", " and more", "")))
                .isEqualTo("Echo: my key is [REDACTED:AWS_ACCESS_KEY_ID] and more");
        assertThat(stream(List.of("A", "K", "I", "A", "QWERTYUIOPASDFGH", " done.", "")))
                .isEqualTo("[REDACTED:AWS_ACCESS_KEY_ID] done.");
    }

    @Test
    void textWithoutFindingsComesOutUnchangedAndIsReleasedBeforeTheEnd() {
        StreamingWindow window = new StreamingWindow();
        String prose = "The quick brown fox jumps over the lazy dog. ".repeat(4);
        String released = window.release(scan(window.append(prose)), false, f -> true);
        assertThat(released).isNotEmpty();
        assertThat(prose).startsWith(released);
        assertThat(prose.length() - released.length()).isLessThanOrEqualTo(StreamingWindow.WINDOW);
        assertThat(released + window.release(scan(window.append("")), true, f -> true))
                .isEqualTo(prose);
    }

    @Test
    void holdsAWholeRunWithoutWhitespaceAndAnOpenPemBlock() {
        String run = "x".repeat(200);
        assertThat(StreamingWindow.safeBoundary("hello " + run)).isEqualTo(6);
        String pem = "key:\n-----BEGIN PRIVATE KEY-----\nMIIEv" + " line".repeat(30);
        assertThat(StreamingWindow.safeBoundary(pem)).isEqualTo(5);
        assertThat(StreamingWindow.safeBoundary(
                        pem + "\n-----END PRIVATE KEY-----\nafter and then some more words here "
                                + "to pass the window of sixty four characters"))
                .isGreaterThan(5);
    }

    @Test
    void findingsNotCoveredByPoliciesAreLeftAlone() {
        StreamingWindow window = new StreamingWindow();
        String text = window.append("key AKIAQWERTYUIOPASDFGH");
        assertThat(window.release(scan(text), true, f -> false)).isEqualTo("key AKIAQWERTYUIOPASDFGH");
    }
}
