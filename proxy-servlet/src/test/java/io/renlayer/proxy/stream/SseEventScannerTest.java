package io.renlayer.proxy.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventScannerTest {

    private static final String STREAM = """
            data: {"choices":[{"delta":{"content":"Hel"}}]}

            : keep-alive comment
            event: message
            data: {"choices":[{"delta":{"content":"lo"}}]}

            data: line one
            data: line two

            data: [DONE]

            """;

    @Test
    void findsEveryEventWhateverTheChunkBoundaries() {
        byte[] bytes = STREAM.getBytes(UTF_8);
        List<String> expected = List.of(
                "{\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}",
                "{\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}",
                "line one\nline two",
                "[DONE]");
        for (int chunkSize = 1; chunkSize <= bytes.length; chunkSize++) {
            assertThat(scan(bytes, chunkSize)).as("chunk size %d", chunkSize).isEqualTo(expected);
        }
    }

    @Test
    void acceptsCrLfAndCrLineEnds() {
        assertThat(scan("data: a\r\n\r\ndata:b\r\rdata: c\n\n".getBytes(UTF_8), 3))
                .containsExactly("a", "b", "c");
    }

    @Test
    void keepsMultiByteCharactersSplitAcrossChunks() {
        assertThat(scan("data: héllo ✓\n\n".getBytes(UTF_8), 1)).containsExactly("héllo ✓");
    }

    @Test
    void dispatchesAnEventTheStreamEndedWithoutBlankLineAfter() {
        List<String> events = new ArrayList<>();
        SseEventScanner scanner = new SseEventScanner(events::add, 1024);
        scanner.feed(ByteBuffer.wrap("data: last".getBytes(UTF_8)));
        scanner.finish();
        assertThat(events).containsExactly("last");
    }

    @Test
    void dropsLinesOverTheLimitWithoutLosingTheNextEvent() {
        String longLine = "data: " + "x".repeat(100);
        assertThat(new ArrayList<>(scanWithLimit((longLine + "\n\ndata: ok\n\n").getBytes(UTF_8), 50)))
                .containsExactly("ok");
    }

    @Test
    void leavesTheCallersBufferUntouchedWhenGivenADuplicate() {
        ByteBuffer chunk = ByteBuffer.wrap("data: a\n\n".getBytes(UTF_8));
        new SseEventScanner(e -> {}, 64).feed(chunk.duplicate());
        assertThat(chunk.position()).isZero();
    }

    private static List<String> scan(byte[] bytes, int chunkSize) {
        return scanWithLimit(bytes, chunkSize, 1 << 16);
    }

    private static List<String> scanWithLimit(byte[] bytes, int limit) {
        return scanWithLimit(bytes, 7, limit);
    }

    private static List<String> scanWithLimit(byte[] bytes, int chunkSize, int limit) {
        List<String> events = new ArrayList<>();
        SseEventScanner scanner = new SseEventScanner(events::add, limit);
        for (int i = 0; i < bytes.length; i += chunkSize) {
            scanner.feed(ByteBuffer.wrap(bytes, i, Math.min(chunkSize, bytes.length - i)));
        }
        scanner.finish();
        return events;
    }
}
