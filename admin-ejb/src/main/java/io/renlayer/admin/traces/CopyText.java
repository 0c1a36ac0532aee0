package io.renlayer.admin.traces;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;

/**
 * Rows in COPY's text format (tab-separated, {@code \N} for null, backslash escapes), as UTF-8 in
 * one reused buffer: the driver's Reader variant copies each batch through a String and a char[].
 */
final class CopyText {

    /** Hand the buffer to the driver in chunks of about this size, so a large batch is never one array. */
    static final int FLUSH_BYTES = 256 * 1024;

    private byte[] buf = new byte[16 * 1024];
    private int size;

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
        // UTF-8 never puts an ASCII byte inside a multi-byte character, so escaping bytes is exact.
        for (byte b : value.toString().getBytes(StandardCharsets.UTF_8)) {
            switch (b) {
                case '\\' -> escaped('\\');
                case '\t' -> escaped('t');
                case '\n' -> escaped('n');
                case '\r' -> escaped('r');
                default -> put(b);
            }
        }
    }

    private void escaped(char ch) {
        put((byte) '\\');
        put((byte) ch);
    }

    private void put(byte b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[size++] = b;
    }
}
