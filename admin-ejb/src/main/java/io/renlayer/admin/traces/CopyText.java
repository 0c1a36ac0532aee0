package io.renlayer.admin.traces;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;

/**
 * Rows in COPY's text format (tab-separated, {@code \N} for null, backslash escapes), as UTF-8 in
 * one reused buffer: the driver's Reader variant copies each batch through a String and a char[].
 * A writer keeps its buffer from batch to batch ({@link #reset}); one made per batch grew by
 * doubling to past half a G1 region: several humongous arrays a second, each allocated straight
 * into the old generation.
 */
final class CopyText {

    /** Hand the buffer to the driver in chunks of about this size, so a large batch is never one array. */
    static final int FLUSH_BYTES = 256 * 1024;
    /** Room for a flush's worth and one more large row; under half of G1's smallest region (1 MiB). */
    private static final int CAPACITY = FLUSH_BYTES + 128 * 1024;

    /**
     * The letter that follows the backslash for each byte COPY needs escaped, 0 for the rest: one
     * load per byte of a body instead of a chain of comparisons.
     */
    private static final byte[] ESCAPES = new byte[256];

    static {
        ESCAPES['\\'] = '\\';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    /** Chars of a value kept after a reset; a larger array that one long value grew is let go. */
    private static final int CHARS = 64 * 1024;

    private byte[] buf = new byte[CAPACITY];
    private int size;
    private char[] chars = new char[CHARS];
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);

    /** Empty, for the next batch; a buffer that one very large row grew is let go. */
    void reset() {
        size = 0;
        if (buf.length > CAPACITY) {
            buf = new byte[CAPACITY];
        }
        if (chars.length > CHARS) {
            chars = new char[CHARS];
        }
    }

    int size() {
        return size;
    }

    void first(Object value) {
        value(value);
    }

    void field(Object value) {
        put((byte) '\t');
        value(value);
    }

    void endRow() {
        put((byte) '\n');
    }

    /** What {@link #writeTo} would send now. */
    byte[] pending() {
        return Arrays.copyOf(buf, size);
    }

    void writeTo(CopyIn copy) throws SQLException {
        if (size > 0) {
            copy.writeToCopy(buf, 0, size);
            size = 0;
        }
    }

    private void value(Object value) {
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
            return;
        }
        String text = value.toString();
        int start = size;
        encode(text);
        if (needsEscapes(text)) {
            escape(start);
        }
    }

    /**
     * UTF-8 straight into the buffer, through a reused char[] and encoder: {@code getBytes} made
     * a copy of every body (a tenth of what a 32 KiB call allocated). Both steps keep the JDK's
     * vectorised paths (a Latin-1 string inflates, ASCII encodes, several chars per instruction).
     * Unpaired surrogates become '?', as {@code getBytes} writes them.
     */
    private void encode(String text) {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        text.getChars(0, n, chars, 0);
        CharBuffer in = CharBuffer.wrap(chars, 0, n);
        utf8.reset();
        reserve(n);
        for (CoderResult result; ; reserve(Math.max(in.remaining(), 8))) {
            ByteBuffer out = ByteBuffer.wrap(buf, size, buf.length - size);
            result = utf8.encode(in, out, true);
            size = out.position();
            if (!result.isOverflow()) {
                break;
            }
        }
    }

    /**
     * Escapes the bytes written since {@code start}, in place, from the end back. UTF-8 never puts
     * an ASCII byte inside a multi-byte character, so escaping bytes is exact.
     */
    private void escape(int start) {
        int escapes = 0;
        for (int i = start; i < size; i++) {
            escapes += ESCAPES[buf[i] & 0xff] != 0 ? 1 : 0;
        }
        reserve(escapes);
        int to = size + escapes;
        for (int from = size - 1; from >= start && to > from + 1; from--) {
            byte b = buf[from];
            byte escape = ESCAPES[b & 0xff];
            if (escape != 0) {
                buf[--to] = escape;
                buf[--to] = '\\';
            } else {
                buf[--to] = b;
            }
        }
        size += escapes;
    }

    /**
     * Whether any character needs a COPY escape. Four vectorised {@code indexOf} passes cost a
     * fraction of a per-byte loop, and most values (a prompt without newlines or backslashes, a
     * model name, a UUID) need none.
     */
    private static boolean needsEscapes(String text) {
        return text.indexOf('\\') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0;
    }

    private void reserve(int bytes) {
        if (buf.length - size < bytes) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + bytes));
        }
    }

    private void put(byte b) {
        reserve(1);
        buf[size++] = b;
    }
}
