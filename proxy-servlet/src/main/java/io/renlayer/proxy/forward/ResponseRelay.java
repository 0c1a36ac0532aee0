package io.renlayer.proxy.forward;

import io.renlayer.proxy.trace.ResponseCapture;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * Hands the upstream body to a {@link RelaySink} as it arrives, one read at a time, on the call's
 * own thread: each chunk is written to the client before the next is read, so backpressure
 * reaches the upstream and nothing is buffered beyond what the sink itself must hold. Usage is
 * read from the bytes the upstream sent. A read that waits longer than the upstream's read
 * timeout (the socket's timeout) is a stalled upstream.
 */
final class ResponseRelay {

    /** What one read may take: a chat answer in one piece, an event as soon as it is there. */
    private static final int CHUNK_BYTES = 16 * 1024;

    private final RelaySink sink;
    private final UsageTap tap;
    private final ResponseCapture capture;

    ResponseRelay(RelaySink sink, UsageTap tap, ResponseCapture capture) {
        this.sink = sink;
        this.tap = tap;
        this.capture = capture;
    }

    /** Relays until the body ends or the relay cannot go on; never throws for either side's failure. */
    RelayOutcome relay(InputStream body) {
        return relay(body, -1);
    }

    /**
     * As {@link #relay(InputStream)}, for a body of {@code declaredLength} bytes (-1 when not
     * declared): a short answer is read through a buffer of its own size, not a 16 KiB one, since
     * most answers are short and the buffer would be most of what their call allocates. The length
     * only sizes the buffer; the relay still reads to the end of the body.
     */
    RelayOutcome relay(InputStream body, long declaredLength) {
        byte[] chunk = new byte
                [declaredLength >= 0 && declaredLength < CHUNK_BYTES ? (int) Math.max(declaredLength, 1) : CHUNK_BYTES];
        while (true) {
            int read;
            try {
                read = body.read(chunk);
            } catch (SocketTimeoutException stalled) {
                return end(RelayOutcome.Ending.UPSTREAM_STALLED);
            } catch (IOException brokeOff) {
                return end(RelayOutcome.Ending.UPSTREAM_BROKE_OFF);
            }
            try {
                if (read < 0) {
                    sink.finish();
                    return end(RelayOutcome.Ending.COMPLETE);
                }
                ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, read);
                tap.see(buffer);
                capture.see(buffer);
                if (!sink.accept(buffer)) {
                    return end(RelayOutcome.Ending.UPSTREAM_BROKE_OFF);
                }
                sink.chunkDone();
            } catch (IOException clientGone) {
                return end(RelayOutcome.Ending.CLIENT_DISCONNECTED);
            }
        }
    }

    private RelayOutcome end(RelayOutcome.Ending ending) {
        return new RelayOutcome(ending, tap.usage());
    }
}
