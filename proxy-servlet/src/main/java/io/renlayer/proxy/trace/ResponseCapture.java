package io.renlayer.proxy.trace;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The first bytes of a response, kept for its trace (redacted later, off the request thread).
 * Bounded: a long stream keeps only its beginning, and says so.
 */
public final class ResponseCapture {

    public static final int LIMIT = 64 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean truncated;

    /** Copies what fits of the chunk without moving the caller's position. */
    public synchronized void see(ByteBuffer chunk) {
        int room = LIMIT - bytes.size();
        if (room <= 0) {
            truncated |= chunk.hasRemaining();
            return;
        }
        ByteBuffer view = chunk.duplicate();
        int take = Math.min(room, view.remaining());
        byte[] copy = new byte[take];
        view.get(copy);
        bytes.write(copy, 0, take);
        truncated |= view.hasRemaining();
    }

    public synchronized boolean isEmpty() {
        return bytes.size() == 0;
    }

    /** Bytes held. */
    public synchronized int size() {
        return bytes.size();
    }

    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public synchronized boolean truncated() {
        return truncated;
    }
}
