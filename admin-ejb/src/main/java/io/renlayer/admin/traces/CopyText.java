package io.renlayer.admin.traces;

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

    private byte[] buf = new byte[CAPACITY];
    private int size;

    /** Empty, for the next batch; a buffer that one very large row grew is let go. */
    void reset() {
        size = 0;
        if (buf.length > CAPACITY) {
            buf = new byte[CAPACITY];
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
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (!needsEscapes(text)) {
            reserve(utf8.length);
            copy(utf8, 0, utf8.length);
            return;
        }
        // UTF-8 never puts an ASCII byte inside a multi-byte character, so escaping bytes is exact.
        // Runs between escapes are copied whole: bodies are long and escapes few.
        reserve(2 * utf8.length); // every byte escaped, at worst
        int run = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte escape = ESCAPES[utf8[i] & 0xff];
            if (escape != 0) {
                copy(utf8, run, i);
                buf[size++] = '\\';
                buf[size++] = escape;
                run = i + 1;
            }
        }
        copy(utf8, run, utf8.length);
    }

    /**
     * Whether any character needs a COPY escape. Four vectorised {@code indexOf} passes cost a
     * fraction of a per-byte loop, and most values (a prompt without newlines or backslashes, a
     * model name, a UUID) need none.
     */
    private static boolean needsEscapes(String text) {
        return text.indexOf('\\') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0;
    }

    private void copy(byte[] from, int start, int end) {
        System.arraycopy(from, start, buf, size, end - start);
        size += end - start;
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
