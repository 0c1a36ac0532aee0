package io.renlayer.proxy.stage;

import io.renlayer.core.traces.AsciiText;
import io.renlayer.proxy.error.ProxyError;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a JSON route asks of a body before parsing it: a JSON media type when the caller declares
 * one (SDKs always do; a missing header is tolerated as curl users expect), and valid UTF-8, which
 * JSON requires and which a lenient decoder would otherwise turn into replacement characters that
 * DLP and the upstream would each read differently.
 */
final class JsonBodyCheck {

    private JsonBodyCheck() {}

    static Optional<ProxyError> problem(String contentType, byte[] body) {
        if (contentType != null && !isJson(mediaType(contentType))) {
            return Optional.of(ProxyError.unsupportedMediaType(mediaType(contentType)));
        }
        return AsciiText.isAscii(body) || validUtf8(body)
                ? Optional.empty()
                : Optional.of(ProxyError.invalidEncoding());
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
        return media.length() > 100 ? media.substring(0, 100) : media;
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    /**
     * Decodes through a small buffer: no copy of the body is made. Only a body with bytes past
     * ASCII comes here; an ASCII one is valid UTF-8 as it is.
     */
    static boolean validUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(1024);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                out.clear();
                return !decoder.flush(out).isError();
            }
            out.clear(); // overflow: more to decode
        }
    }
}
