package io.renlayer.core.traces;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text that is the bytes of an ASCII body, read in place. Most request bodies are ASCII (JSON
 * escapes what is not), each of their bytes is its char, and they are valid UTF-8 as they are:
 * the trace writer stores them without first decoding a copy of the whole body and encoding it
 * back, two copies of every long prompt that nothing else needs.
 */
public final class AsciiText implements CharSequence {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] bytes;

    private AsciiText(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The bytes as text when every one is ASCII, else null: they must then be decoded. */
    public static AsciiText ofOrNull(byte[] bytes) {
        return isAscii(bytes) ? new AsciiText(bytes) : null;
    }

    /** Eight bytes at a time: a byte of 0x80 or more has its high bit set. */
    public static boolean isAscii(byte[] bytes) {
        int i = 0;
        for (int end = bytes.length - 7; i < end; i += 8) {
            if (((long) LONGS.get(bytes, i) & HIGH_BITS) != 0) {
                return false;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a byte is NUL, eight at a time: subtracting one from each byte sets the high bit of
     * a zero byte (and of no ASCII byte that was not zero).
     */
    boolean containsNul() {
        int i = 0;
        for (int end = bytes.length - 7; i < end; i += 8) {
            long v = (long) LONGS.get(bytes, i);
            if (((v - 0x0101010101010101L) & ~v & HIGH_BITS) != 0) {
                return true;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The UTF-8 encoding of this text: its bytes themselves, not a copy. Not to be changed. */
    byte[] utf8() {
        return bytes;
    }

    @Override
    public int length() {
        return bytes.length;
    }

    @Override
    public char charAt(int index) {
        return (char) bytes[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Equal to another AsciiText of the same bytes; compare {@link #toString()} with a String. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AsciiText text && Arrays.equals(bytes, text.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
