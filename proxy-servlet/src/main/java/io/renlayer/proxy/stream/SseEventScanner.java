package io.renlayer.proxy.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Finds server-sent events in a byte stream that arrives in arbitrary chunks, without holding the
 * stream back: the relay forwards each chunk as it comes and hands a read-only view of it here.
 *
 * <p>Follows the WHATWG rules for line ends ({@code \n}, {@code \r\n}, {@code \r}) and for
 * {@code data:} fields (one optional space after the colon, lines joined with {@code \n}). Only
 * the current line is buffered, bounded by {@code maxLineBytes}; an over-long line is dropped.
 */
public final class SseEventScanner {

    private final Consumer<String> onEventData;
    private final int maxLineBytes;

    private byte[] line = new byte[256];
    private int lineLength;
    private boolean lineOverflow;
    private boolean lastWasCr;
    private StringBuilder data;

    public SseEventScanner(Consumer<String> onEventData, int maxLineBytes) {
        this.onEventData = onEventData;
        this.maxLineBytes = maxLineBytes;
    }

    public void feed(ByteBuffer chunk) {
        while (chunk.hasRemaining()) {
            byte b = chunk.get();
            if (b == '\n' && lastWasCr) {
                lastWasCr = false; // second half of \r\n: the line already ended
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine();
            } else {
                append(b);
            }
        }
    }

    /** Dispatches a final event that the stream ended without a blank line after. */
    public void finish() {
        if (lineLength > 0 || lineOverflow) {
            endLine();
        }
        endLine();
    }

    private void append(byte b) {
        if (lineOverflow) {
            return;
        }
        if (lineLength == maxLineBytes) {
            lineOverflow = true;
            return;
        }
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
        }
        line[lineLength++] = b;
    }

    private void endLine() {
        if (lineOverflow) {
            lineOverflow = false;
            lineLength = 0;
            return;
        }
        if (lineLength == 0) {
            if (data != null) {
                onEventData.accept(data.toString());
                data = null;
            }
            return;
        }
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        if (text.startsWith("data:")) {
            String value = text.startsWith("data: ") ? text.substring(6) : text.substring(5);
            if (data == null) {
                data = new StringBuilder(value);
            } else {
                data.append('\n').append(value);
            }
        }
        // Other fields (event:, id:, retry:) and comments (":") carry no usage.
    }
}
