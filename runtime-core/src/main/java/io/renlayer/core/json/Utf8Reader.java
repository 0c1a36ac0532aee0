package io.renlayer.core.json;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Chars of a UTF-8 byte array, decoded straight into the reader's buffer. A parser reading a long
 * body through it makes no decoded copy of the whole body ({@code new String(bytes, UTF_8)}) and
 * no buffer of its own ({@code InputStreamReader} keeps 8 KiB per call). Malformed input becomes
 * U+FFFD, as {@code new String} decodes it; bodies are checked to be UTF-8 before they are parsed.
 */
public final class Utf8Reader extends Reader {

    private final ByteBuffer in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** The low surrogate of a pair that a one-char read could not take; 0 when none. */
    private char pending;

    private boolean flushed;

    public Utf8Reader(byte[] utf8) {
        this.in = ByteBuffer.wrap(utf8);
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int written = 0;
        if (pending != 0) {
            buffer[offset] = pending;
            pending = 0;
            written = 1;
        }
        int start = offset + written;
        CharBuffer out = CharBuffer.wrap(buffer, start, length - written);
        decode(out);
        written += out.position() - start;
        if (written == 0 && out.remaining() == 1 && in.hasRemaining()) {
            written = readOneOfAPair(buffer, offset); // room for one char, and the next is a surrogate pair
        }
        return written == 0 && flushed ? -1 : written;
    }

    private void decode(CharBuffer out) {
        if (flushed) {
            return;
        }
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow() && !decoder.flush(out).isOverflow()) {
            flushed = true;
        }
    }

    private int readOneOfAPair(char[] buffer, int offset) {
        CharBuffer pair = CharBuffer.allocate(2);
        decode(pair);
        buffer[offset] = pair.get(0);
        if (pair.position() > 1) {
            pending = pair.get(1);
        }
        return 1;
    }

    @Override
    public void close() {
        // nothing held
    }
}
