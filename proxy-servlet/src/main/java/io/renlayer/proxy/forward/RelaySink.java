package io.renlayer.proxy.forward;

import io.renlayer.proxy.pipeline.ResponseRewriter;
import io.renlayer.proxy.stream.SseEventRewriter;
import jakarta.servlet.ServletOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Where {@link ResponseRelay} puts the upstream's bytes: straight through, or through a rewrite. */
interface RelaySink {

    /** Takes one buffer; false when the body can no longer be relayed faithfully (over a bound). */
    boolean accept(ByteBuffer buffer) throws IOException;

    /** Called after each chunk the upstream sent. */
    default void chunkDone() throws IOException {}

    /** The upstream's body ended. */
    default void finish() throws IOException {}

    /** Copies bytes as they come; event streams are flushed chunk by chunk. */
    static RelaySink passThrough(ServletOutputStream out, boolean flushEachChunk) {
        return new RelaySink() {
            @Override
            public boolean accept(ByteBuffer buffer) throws IOException {
                if (buffer.hasArray()) {
                    out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                } else {
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.duplicate().get(bytes);
                    out.write(bytes);
                }
                return true;
            }

            @Override
            public void chunkDone() throws IOException {
                if (flushEachChunk) {
                    out.flush();
                }
            }
        };
    }

    /**
     * Rewrites an event stream event by event, writing and flushing each as soon as it is complete.
     * An event that grows past {@code limit} without ending is refused, like a body over the limit.
     */
    static RelaySink rewritingEvents(ServletOutputStream out, ResponseRewriter rewriter, int limit) {
        SseEventRewriter events = new SseEventRewriter(rewriter::rewrite);
        return new RelaySink() {
            @Override
            public boolean accept(ByteBuffer buffer) throws IOException {
                byte[] complete = events.feed(buffer);
                if (complete.length > 0) {
                    out.write(complete);
                    out.flush();
                }
                return events.held() <= limit;
            }

            @Override
            public void finish() throws IOException {
                out.write(events.finish());
            }
        };
    }

    /**
     * Rewrites a JSON body whole, once it has all arrived. Beyond {@code limit} bytes it refuses
     * rather than relay unchanged: what the rewrite would have removed must not leak.
     */
    static RelaySink rewritingBody(ServletOutputStream out, ResponseRewriter rewriter, int limit) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        return new RelaySink() {
            @Override
            public boolean accept(ByteBuffer buffer) {
                if (body.size() + buffer.remaining() > limit) {
                    return false;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.writeBytes(bytes);
                return true;
            }

            @Override
            public void finish() throws IOException {
                if (body.size() > 0) {
                    String rewritten = rewriter.rewrite(body.toString(StandardCharsets.UTF_8));
                    if (rewritten != null) {
                        out.write(rewritten.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        };
    }
}
