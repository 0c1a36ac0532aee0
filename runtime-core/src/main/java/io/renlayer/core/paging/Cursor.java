package io.renlayer.core.paging;

import io.renlayer.core.errors.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page starts in a list ordered newest first: the (time, id) of the last item
 * returned. Opaque to callers (base64url), so its shape can change without breaking them.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The decoded cursor; null for none; a client error naming {@code cursor} when it is not one of ours. */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
            int colon = plain.indexOf(':');
            long micros = Long.parseLong(plain.substring(0, colon));
            return new Cursor(
                    Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(plain.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "cursor is not a value returned as nextCursor");
        }
    }
}
