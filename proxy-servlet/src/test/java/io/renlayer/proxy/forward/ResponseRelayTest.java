package io.renlayer.proxy.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.renlayer.proxy.trace.ResponseCapture;
import io.renlayer.spi.upstream.Usage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class ResponseRelayTest {

    private final ByteArrayOutputStream relayed = new ByteArrayOutputStream();
    private final ResponseCapture capture = new ResponseCapture();

    @Test
    void aBodyIsRelayedWholeAndCapturedForItsTrace() {
        byte[] body = "x".repeat(40_000).getBytes(StandardCharsets.UTF_8); // more than one read

        RelayOutcome outcome = relay(copyingSink()).relay(new ByteArrayInputStream(body));

        assertEquals(RelayOutcome.Ending.COMPLETE, outcome.ending());
        assertEquals(40_000, relayed.size());
        assertEquals(40_000, capture.size());
    }

    @Test
    void aDeclaredLengthSizesTheReadsButTheWholeBodyIsRelayedWhateverItSays() {
        byte[] body = "{\"id\":\"chatcmpl-1\"}".getBytes(StandardCharsets.UTF_8);
        for (long declared : new long[] {body.length, 0, 3, 1 << 20, -1}) {
            relayed.reset();
            RelayOutcome outcome = relay(copyingSink()).relay(new ByteArrayInputStream(body), declared);

            assertEquals(RelayOutcome.Ending.COMPLETE, outcome.ending(), "declared " + declared);
            assertEquals(
                    new String(body, StandardCharsets.UTF_8),
                    relayed.toString(StandardCharsets.UTF_8),
                    "declared " + declared);
        }
        relayed.reset();
        assertEquals(
                RelayOutcome.Ending.COMPLETE,
                relay(copyingSink()).relay(InputStream.nullInputStream(), 0).ending());
        assertEquals(0, relayed.size());
    }

    @Test
    void aReadThatTimesOutIsAStalledUpstreamAndWhatCameBeforeIsRelayed() {
        RelayOutcome outcome =
                relay(copyingSink()).relay(reads("data: {}\n\n", new SocketTimeoutException("Read timed out")));

        assertEquals(RelayOutcome.Ending.UPSTREAM_STALLED, outcome.ending());
        assertEquals("data: {}\n\n", relayed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUpstreamThatBreaksOffMidBodyIsNotAStall() {
        RelayOutcome outcome = relay(copyingSink()).relay(reads("{\"id\":", new IOException("Premature end of chunk")));

        assertEquals(RelayOutcome.Ending.UPSTREAM_BROKE_OFF, outcome.ending());
    }

    @Test
    void aClientThatWentAwayEndsTheRelayWithoutReadingFurther() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        RelaySink gone = buffer -> {
            throw new IOException("Broken pipe");
        };

        assertEquals(
                RelayOutcome.Ending.CLIENT_DISCONNECTED,
                relay(gone).relay(endless).ending());
    }

    @Test
    void aSinkThatCannotTakeMoreEndsTheRelay() {
        RelaySink full = buffer -> false;

        RelayOutcome outcome = relay(full).relay(new ByteArrayInputStream(new byte[10]));

        assertEquals(RelayOutcome.Ending.UPSTREAM_BROKE_OFF, outcome.ending());
    }

    private ResponseRelay relay(RelaySink sink) {
        UsageTap noUsage = new UsageTap() {
            @Override
            public void see(ByteBuffer chunk) {}

            @Override
            public Usage usage() {
                return Usage.UNKNOWN;
            }
        };
        return new ResponseRelay(sink, noUsage, capture);
    }

    private RelaySink copyingSink() {
        return buffer -> {
            relayed.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
            return true;
        };
    }

    /** A body that yields its text in one read, then fails with {@code failure}. */
    private static InputStream reads(String text, IOException failure) {
        Deque<byte[]> chunks = new ArrayDeque<>();
        chunks.add(text.getBytes(StandardCharsets.UTF_8));
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                byte[] next = chunks.poll();
                if (next == null) {
                    throw failure;
                }
                System.arraycopy(next, 0, b, off, next.length);
                return next.length;
            }
        };
    }
}
