package io.renlayer.core.traces;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.postgresql.copy.CopyIn;

/**
 * Rows in COPY's binary format, in one reused buffer. In the text format PostgreSQL scans every
 * byte of a row twice (for the line's end and for escapes) and the writer once more to escape;
 * here each value is its length and its bytes, which large bodies need (docs/benchmarks-log.md).
 *
 * <p>A writer keeps its buffer from batch to batch ({@link #begin}): a buffer made per batch grows
 * by doubling past half a G1 region, and such humongous arrays go straight to the old generation.
 */
final class CopyBinary {

    /** Hand the buffer to the driver in chunks of about this size, so a large batch is never one array. */
    static final int FLUSH_BYTES = 256 * 1024;
    /** Room for a flush's worth and one more large row; under half of G1's smallest region (1 MiB). */
    private static final int CAPACITY = FLUSH_BYTES + 128 * 1024;
    /** Chars of a value kept after a reset; a larger array that one long value grew is let go. */
    private static final int CHARS = 64 * 1024;

    /** The signature, flags (none) and header extension length (none) that open a binary COPY. */
    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };
    /** PostgreSQL counts time from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private static final int NUMERIC_NEGATIVE = 0x4000;
    private static final byte JSONB_VERSION = 1;

    private byte[] buf = new byte[CAPACITY];
    private int size;
    private char[] chars = new char[CHARS];
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);

    /** Empty, then the header: the start of a new COPY. A buffer that one very large row grew is let go. */
    void begin() {
        size = 0;
        if (buf.length > CAPACITY) {
            buf = new byte[CAPACITY];
        }
        if (chars.length > CHARS) {
            chars = new char[CHARS];
        }
        put(HEADER);
    }

    int size() {
        return size;
    }

    void row(int fields) {
        int16(fields);
    }

    /** The trailer that ends the COPY's data. */
    void end() {
        int16(-1);
    }

    void uuid(UUID value) {
        if (value == null) {
            nul();
            return;
        }
        int32(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
    }

    /** A timestamptz, rounded to PostgreSQL's microseconds as its text input rounds. */
    void timestamp(Instant value) {
        if (value == null) {
            nul();
            return;
        }
        int32(8);
        int64((value.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + (value.getNano() + 500) / 1000);
    }

    void bool(boolean value) {
        int32(1);
        put((byte) (value ? 1 : 0));
    }

    void int4(Integer value) {
        if (value == null) {
            nul();
            return;
        }
        int32(4);
        int32(value);
    }

    /** Text; a NUL, which PostgreSQL's text cannot hold, is stored as U+FFFD (see {@link StorableText}). */
    void text(String value) {
        utf8(StorableText.text(value), false);
    }

    /** A body: an {@link AsciiText}'s bytes go in as they are, being UTF-8 already, unless one is a NUL. */
    void text(CharSequence value) {
        if (value instanceof AsciiText ascii && !ascii.containsNul()) {
            int32(ascii.length());
            put(ascii.utf8());
            return;
        }
        text(value == null ? null : value.toString());
    }

    /** jsonb's binary form: a version byte, then the JSON text, without the escape {@code \u0000} jsonb refuses. */
    void jsonb(String json) {
        utf8(StorableText.json(json), true);
    }

    /**
     * numeric's binary form: base-10000 digits with the decimal point between two of them, the
     * weight (the power of 10000 of the first), a sign and the scale to display.
     */
    void numeric(BigDecimal value) {
        if (value == null) {
            nul();
            return;
        }
        int scale = Math.max(value.scale(), 0);
        String digits = value.abs().setScale(scale).unscaledValue().toString();
        int integerDigits = digits.length() - scale;
        String integerPart = integerDigits > 0 ? digits.substring(0, integerDigits) : "";
        String fraction = integerDigits > 0 ? digits.substring(integerDigits) : "0".repeat(-integerDigits) + digits;
        String paddedInteger = "0".repeat((4 - integerPart.length() % 4) % 4) + integerPart;
        String grouped = paddedInteger + fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        int groups = grouped.length() / 4;
        int weight = paddedInteger.length() / 4 - 1;
        int first = 0;
        while (first < groups && group(grouped, first) == 0) {
            first++;
        }
        int last = groups;
        while (last > first && group(grouped, last - 1) == 0) {
            last--;
        }
        int ndigits = last - first;
        int32(8 + 2 * ndigits);
        int16(ndigits);
        int16(ndigits == 0 ? 0 : weight - first);
        int16(value.signum() < 0 ? NUMERIC_NEGATIVE : 0);
        int16(scale);
        for (int g = first; g < last; g++) {
            int16(group(grouped, g));
        }
    }

    void writeTo(CopyIn copy) throws SQLException {
        if (size > 0) {
            copy.writeToCopy(buf, 0, size);
            size = 0;
        }
    }

    /** The value's UTF-8 bytes, after jsonb's version byte if asked, behind their length. */
    private void utf8(String value, boolean jsonbVersion) {
        if (value == null) {
            nul();
            return;
        }
        int lengthAt = size;
        int32(0);
        if (jsonbVersion) {
            put(JSONB_VERSION);
        }
        encode(value);
        setInt32(lengthAt, size - lengthAt - 4);
    }

    private static int group(String digits, int index) {
        return Integer.parseInt(digits, 4 * index, 4 * index + 4, 10);
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

    private void nul() {
        int32(-1);
    }

    private void int16(int value) {
        reserve(2);
        buf[size++] = (byte) (value >>> 8);
        buf[size++] = (byte) value;
    }

    private void int32(int value) {
        reserve(4);
        setInt32(size, value);
        size += 4;
    }

    private void setInt32(int at, int value) {
        buf[at] = (byte) (value >>> 24);
        buf[at + 1] = (byte) (value >>> 16);
        buf[at + 2] = (byte) (value >>> 8);
        buf[at + 3] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
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

    private void put(byte[] bytes) {
        reserve(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }
}
