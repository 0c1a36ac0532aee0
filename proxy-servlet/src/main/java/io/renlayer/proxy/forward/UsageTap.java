package io.renlayer.proxy.forward;

import io.renlayer.proxy.stream.SseEventScanner;
import io.renlayer.spi.upstream.UpstreamProvider;
import io.renlayer.spi.upstream.Usage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Watches response bytes on their way to the client to learn token usage, without delaying them.
 */
public interface UsageTap {

    /** Sees a chunk that is being relayed; must not consume the caller's buffer position. */
    void see(ByteBuffer chunk);

    /** The usage learned once the response has ended. */
    Usage usage();

    /** For {@code text/event-stream}: each event's data goes to the provider. */
    static UsageTap forEvents(UpstreamProvider provider) {
        return new UsageTap() {
            private Usage usage = Usage.UNKNOWN;
            private final SseEventScanner scanner =
                    new SseEventScanner(data -> usage = usage.merge(provider.usageFromEvent(data)), 1 << 20);

            @Override
            public void see(ByteBuffer chunk) {
                scanner.feed(chunk.duplicate());
            }

            @Override
            public Usage usage() {
                scanner.finish();
                return usage;
            }
        };
    }

    /**
     * For whole bodies: keeps a copy up to {@code limit} bytes for the provider to parse at the
     * end; a larger body yields unknown usage rather than unbounded memory.
     */
    static UsageTap forBody(UpstreamProvider provider, int limit) {
        return new UsageTap() {
            private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
            private boolean overflow;

            @Override
            public void see(ByteBuffer chunk) {
                if (overflow) {
                    return;
                }
                if (copy.size() + chunk.remaining() > limit) {
                    overflow = true;
                    copy.reset();
                    return;
                }
                ByteBuffer view = chunk.duplicate();
                byte[] bytes = new byte[view.remaining()];
                view.get(bytes);
                copy.writeBytes(bytes);
            }

            @Override
            public Usage usage() {
                return overflow ? Usage.UNKNOWN : provider.usageFromBody(copy.toByteArray());
            }
        };
    }
}
