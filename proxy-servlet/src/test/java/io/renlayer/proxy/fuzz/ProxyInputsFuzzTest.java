package io.renlayer.proxy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.renlayer.proxy.mcp.McpRequestParser;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.StageResult;
import io.renlayer.proxy.stage.ReadChatRequestStage;
import io.renlayer.proxy.stream.SseEventRewriter;
import io.renlayer.proxy.stream.SseEventScanner;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jazzer over what callers and upstreams control: request bodies (chat and MCP) and event streams
 * cut into arbitrary chunks. Parsers must answer every input with a result, never an exception,
 * and the stream readers must see the same events however the bytes were split.
 *
 * <p>One fuzz test that picks its target from the input: in fuzzing mode Jazzer runs a single fuzz
 * test per run, and CI fuzzes this one for a fixed time ({@code fuzz} execution in the pom). In a
 * normal build it replays the inputs under {@code ProxyInputsFuzzTestInputs/}.
 */
class ProxyInputsFuzzTest {

    @FuzzTest(maxDuration = "45s")
    void everyInputGetsAnAnswerAndStreamsReadTheSameSplitAnywhere(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0 -> chatBody(data.consumeRemainingAsBytes());
            case 1 -> McpRequestParser.parse(data.consumeRemainingAsBytes()); // empty or messages, never a throw
            case 2 -> rewriterIgnoresChunking(data);
            default -> scannerIgnoresChunking(data);
        }
    }

    private static void chatBody(byte[] body) {
        StageResult result = new ReadChatRequestStage()
                .apply(new Exchange("req_fuzz", "POST", "/v1/chat/completions", Map.of(), body));
        if (result.rejection().isPresent()) {
            assertThat(result.rejection().get().status()).isEqualTo(400);
        }
    }

    private static void rewriterIgnoresChunking(FuzzedDataProvider data) {
        List<Integer> cuts = cuts(data);
        byte[] stream = data.consumeRemainingAsBytes();
        byte[] whole = rewrite(stream, List.of());
        byte[] split = rewrite(stream, cuts);
        assertThat(split).isEqualTo(whole);
    }

    private static byte[] rewrite(byte[] stream, List<Integer> cuts) {
        SseEventRewriter rewriter = new SseEventRewriter(s -> s.replace("secret", "[REDACTED]"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer piece : pieces(stream, cuts)) {
            out.writeBytes(rewriter.feed(piece));
        }
        out.writeBytes(rewriter.finish());
        return out.toByteArray();
    }

    private static void scannerIgnoresChunking(FuzzedDataProvider data) {
        List<Integer> cuts = cuts(data);
        byte[] stream = data.consumeRemainingAsBytes();
        assertThat(scan(stream, cuts)).isEqualTo(scan(stream, List.of()));
    }

    private static List<String> scan(byte[] stream, List<Integer> cuts) {
        List<String> events = new ArrayList<>();
        SseEventScanner scanner = new SseEventScanner(events::add, 64);
        for (ByteBuffer piece : pieces(stream, cuts)) {
            scanner.feed(piece);
        }
        scanner.finish();
        return events;
    }

    private static List<Integer> cuts(FuzzedDataProvider data) {
        List<Integer> cuts = new ArrayList<>();
        int n = data.consumeInt(0, 8);
        for (int i = 0; i < n; i++) {
            cuts.add(data.consumeInt(0, 512));
        }
        return cuts;
    }

    /** The stream cut at the given offsets (sorted, clamped), as the relay would receive it. */
    private static List<ByteBuffer> pieces(byte[] stream, List<Integer> cuts) {
        List<ByteBuffer> pieces = new ArrayList<>();
        int from = 0;
        for (int cut : cuts.stream().sorted().toList()) {
            int to = Math.min(cut, stream.length);
            if (to > from) {
                pieces.add(ByteBuffer.wrap(stream, from, to - from).slice().asReadOnlyBuffer());
                from = to;
            }
        }
        pieces.add(ByteBuffer.wrap(stream, from, stream.length - from).slice().asReadOnlyBuffer());
        return pieces;
    }
}
